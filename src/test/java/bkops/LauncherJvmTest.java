package bkops;

import bkops.testing.CliRun;
import bkops.testing.LauncherJar;
import bkops.testing.Processes;
import bkops.testing.Slow;
import bkops.testing.TestEnv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/bkops picks the JVM and its start-up archive (issue 17): JAVA_HOME, else the JDK bin/install recorded, else PATH;
 * an AOT cache on JDK 24+ and a class-data archive before, each only for the JVM that made it; the options that JVM
 * accepts (no aot log tags before 24, no --add-opens from 21, which an AOT cache refuses). Fake JDKs whose bin/java
 * records its arguments show what the launcher asks for; the test's own JVM shows that a stale archive is silent.
 */
@Slow
class LauncherJvmTest {
    @TempDir
    Path dir;
    private Path jar;
    private Path log;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        jar = Files.writeString(dir.resolve("lib/bkops.jar"), "not a jar: the fake JVMs never open it");
        log = dir.resolve("java.log");
    }

    /** A JDK whose release file says {@code version} and whose java logs one line of arguments per run. */
    private Path fakeJdk(String name, String version) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = home.resolve("bin/java");
        // create mode writes the cache, as the real one does; every run appends "<name>: <args>" to the log
        Files.writeString(java, "#!/bin/sh\n"
                + "echo \"" + name + ": $*\" >> '" + log + "'\n"
                + "case \" $* \" in *' -XX:AOTMode=create '*) for a; do case $a in -XX:AOTCache=*) : > \"${a#*=}\" ;; esac; done ;; esac\n"
                + "case \" $* \" in *' -XX:ArchiveClassesAtExit='*) for a; do case $a in -XX:ArchiveClassesAtExit=*) : > \"${a#*=}\" ;; esac; done ;; esac\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private Map<String, String> env(Path javaHome) {
        Map<String, String> env = TestEnv.in(dir).env();
        env.put("PATH", System.getenv("PATH"));
        env.put("BKOPS_JAR", jar.toString());
        env.put("LC_ALL", "C.UTF-8");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome.toString());
        }
        return env;
    }

    private static CliRun.Result launch(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", "bin/bkops"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bin/bkops did not finish");
        return Processes.record(env, p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    private List<String> runs() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private void madeFor(String kind, Path home) throws IOException {
        Files.writeString(dir.resolve("lib/bkops." + kind), "archive");
        Files.writeString(dir.resolve("lib/bkops." + kind + ".jvm"), home + "\n");
    }

    @Test
    void jdk25UsesItsAotCacheWithoutAddOpensAndWithTheAotTagsOff() throws Exception {
        Path jdk = fakeJdk("jdk25", "25.0.3");
        madeFor("aot", jdk);
        madeFor("jsa", jdk); // an AOT cache is preferred; both cannot be given
        assertEquals(0, launch(env(jdk), "--version").exit());
        String run = runs().get(0);
        assertTrue(run.startsWith("jdk25: "), run);
        assertTrue(run.contains(" -XX:AOTCache=" + dir.resolve("lib/bkops.aot") + " "), run);
        assertTrue(run.contains(" -Xlog:all=warning,cds*=off,aot*=off:stderr "), run);
        assertFalse(run.contains("SharedArchiveFile"), run);
        assertFalse(run.contains("--add-opens"), "an AOT cache is refused when module options differ: " + run);
        assertTrue(run.endsWith(" -jar " + jar + " --version"), run);
    }

    @Test
    void jdk17UsesItsClassDataArchiveAndOpensTheHttpClient() throws Exception {
        Path jdk = fakeJdk("jdk17", "17.0.15");
        madeFor("jsa", jdk);
        madeFor("aot", jdk); // made by no JDK 17: never given to it
        assertEquals(0, launch(env(jdk), "--version").exit());
        String run = runs().get(0);
        assertTrue(run.contains(" -XX:SharedArchiveFile=" + dir.resolve("lib/bkops.jsa") + " -Xshare:auto "), run);
        assertTrue(run.contains(" -Xlog:all=warning,cds*=off:stderr "), "JDK 17 refuses the aot tags: " + run);
        assertFalse(run.contains("aot"), run);
        assertTrue(run.contains(" --add-opens java.net.http/jdk.internal.net.http=ALL-UNNAMED "), run);
    }

    @Test
    void anArchiveMadeByAnotherJvmIsNotGiven() throws Exception {
        Path jdk = fakeJdk("jdk25", "25");
        Path other = fakeJdk("other25", "25.0.1");
        madeFor("aot", other);
        madeFor("jsa", other);
        assertEquals(0, launch(env(jdk), "--version").exit());
        String run = runs().get(0);
        assertFalse(run.contains("AOTCache") || run.contains("SharedArchiveFile"), run);
        assertFalse(run.contains("--add-opens"), run);
    }

    @Test
    void theRecordedJdkIsUsedWhenJavaHomeIsNotSetAndJavaHomeWinsWhenItIs() throws Exception {
        Path recorded = fakeJdk("recorded", "25.0.3");
        Path chosen = fakeJdk("chosen", "21.0.5");
        Files.writeString(dir.resolve("lib/bkops.jdk"), recorded + "\n");
        madeFor("aot", recorded);
        launch(env(null), "--version");
        launch(env(chosen), "--version");
        List<String> runs = runs();
        assertTrue(runs.get(0).startsWith("recorded: ") && runs.get(0).contains("-XX:AOTCache="), runs.get(0));
        assertTrue(runs.get(1).startsWith("chosen: "), runs.get(1));
        assertFalse(runs.get(1).contains("--add-opens"), "JDK 21 has shutdownNow: " + runs.get(1));
    }

    @Test
    void aRecordedJdkThatIsGoneFallsBackToPath() throws Exception {
        Files.writeString(dir.resolve("lib/bkops.jdk"), dir.resolve("removed-jdk") + "\n");
        Path onPath = fakeJdk("onpath", "17.0.2");
        Map<String, String> env = env(null);
        env.put("PATH", onPath.resolve("bin") + ":" + System.getenv("PATH"));
        assertEquals(0, launch(env, "--version").exit());
        assertTrue(runs().get(0).startsWith("onpath: "), runs().toString());
    }

    @Test
    void makingTheArchiveRecordsThenCreatesTheAotCacheOnJdk25AndNamesItsJvm() throws Exception {
        Path jdk = fakeJdk("jdk25", "25.0.3");
        Map<String, String> env = env(jdk);
        env.put("BKOPS_MAKE_ARCHIVE", "1");
        env.put("BKOPS_DAEMON", "1"); // never the daemon's client for this
        CliRun.Result r = launch(env);
        assertEquals(0, r.exit(), r::toString);
        List<String> runs = runs();
        assertEquals(2, runs.size(), runs.toString());
        String conf = dir.resolve("lib/bkops.aot.conf").toString();
        assertTrue(runs.get(0).contains(" -XX:AOTMode=record -XX:AOTConfiguration=" + conf + " -jar " + jar + " __train"),
                runs.get(0));
        assertTrue(runs.get(1).contains(" -XX:AOTMode=create -XX:AOTConfiguration=" + conf + " -XX:AOTCache="
                + dir.resolve("lib/bkops.aot") + " -jar " + jar), runs.get(1));
        assertEquals(jdk.toString(), Files.readString(dir.resolve("lib/bkops.aot.jvm")).strip());
        assertFalse(Files.exists(dir.resolve("lib/bkops.aot.conf")), "the configuration is removed");

        Path jdk17 = fakeJdk("jdk17", "17.0.15");
        CliRun.Result r17 = launch(Map.of("PATH", System.getenv("PATH"), "HOME", dir.toString(), "BKOPS_JAR",
                jar.toString(), "JAVA_HOME", jdk17.toString(), "BKOPS_MAKE_ARCHIVE", "1"));
        assertEquals(0, r17.exit(), r17::toString);
        assertTrue(runs().get(2).contains(" -XX:ArchiveClassesAtExit=" + dir.resolve("lib/bkops.jsa") + " -jar " + jar
                + " __train"), runs().get(2));
        assertEquals(jdk17.toString(), Files.readString(dir.resolve("lib/bkops.jsa.jvm")).strip());
        assertTrue(Files.exists(dir.resolve("lib/bkops.aot.jvm")), "each kind is kept for its own JVM");
    }

    @Test
    void aStaleArchiveForThisJvmIsIgnoredSilently() throws Exception {
        // the real JVM running this test, a jar of the compiled classes, and an "archive" that is not one
        Path real = LauncherJar.build(dir.resolve("real"));
        Files.writeString(dir.resolve("real/bkops.jsa"), "not an archive");
        Files.writeString(dir.resolve("real/bkops.jsa.jvm"), System.getProperty("java.home") + "\n");
        Map<String, String> env = env(Path.of(System.getProperty("java.home")));
        env.put("BKOPS_JAR", real.toString());
        CliRun.Result r = launch(env, "--version");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("bkops "), r.out());
        assertEquals("", r.err());
        assertEquals(2, r.out().lines().count(), "nothing from the JVM on stdout either: " + r.out());
    }
}
