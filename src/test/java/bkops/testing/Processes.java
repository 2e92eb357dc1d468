package bkops.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Child processes of the slow tests ({@link Slow}): a JVM of the test class path, and recording what they print. */
public final class Processes {
    private Processes() {}

    /**
     * {@code java -cp <the test class path> mainClass args...}, started as quickly as a JVM starts (C1 only, the
     * JDK's class-data archive): for a bkops of its own (bkops.Main) or a worker class of the tests.
     */
    public static List<String> java(String mainClass, String... args) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", cp, mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Records what a process printed for the secret scan (PROCESS), checking it at once; returns it as a result. */
    public static CliRun.Result record(Map<String, String> env, int exit, String out, String err) {
        CliRun.Result r = new CliRun.Result(exit, out, err);
        OutputLog.record(OutputLog.Source.PROCESS, env, r);
        return r;
    }

    /**
     * What to add to a Ctrl-C test's failure: a process started with SIGINT ignored (a background job of a shell
     * without job control, e.g. `(cmd &)`) passes that on to every child, and a JVM then installs no SIGINT handler,
     * so no Ctrl-C can reach bkops; said instead of a bare timeout. Empty when SIGINT is not ignored.
     */
    public static String sigintIgnoredNote() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:") && (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 2) != 0) {
                    return " (SIGINT is ignored by the test JVM and so by its children: the suite was started as a "
                            + "background job without job control; run it from a foreground shell or via setsid)";
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: nothing to add
        }
        return "";
    }
}
