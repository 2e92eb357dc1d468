package bkops.cli;

import bkops.testing.LauncherJar;
import bkops.testing.Slow;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each stream's terminal told on its own (issue 16), in a pseudo-terminal (script(1)): through bin/bkops (the shell's
 * [ -t N ]) and through java -jar (jansi's isatty). System.console() saw no terminal when stdout was piped.
 */
@Slow
class TerminalsTest {
    @TempDir
    static Path dir;

    private static String inPty(String command, String stdin) throws Exception {
        Path out = dir.resolve("pty.out");
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", command, "/dev/null");
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.environment().put("NO_COLOR", "1");
        pb.environment().remove("COLUMNS");
        pb.redirectOutput(out.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        // the answer typed on the terminal: script(1) passes it on once the command reads
        p.getOutputStream().write(stdin.getBytes());
        p.getOutputStream().flush();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "did not finish");
        return Files.readString(out).replace("\r\n", "\n");
    }

    private static String launcher(String how) {
        Path jar = LauncherJar.build(dir.resolve("jar"));
        return how.equals("launcher") ? "BKOPS_JAR=" + jar + " bin/bkops" : "java -jar " + jar;
    }

    @ParameterizedTest
    @ValueSource(strings = {"launcher", "java -jar"})
    void stdinATerminalAndStdoutPiped(String how) throws Exception {
        String bkops = launcher(how);
        String shown = inPty("stty cols 150; " + bkops + " -p sandbox task revoke 10001 | cat; "
                + bkops + " task create --help | cat", "n\n");
        assertTrue(shown.matches("(?s).*Revoke task 10001 on profile sandbox \\(the embedded simulator, http://127\\.0\\.0\\.1:\\d+/api/bk-sops/prod\\)\\? "
                + "This cannot be undone\\. \\[y/N\\] .*"), "asked on stdin: " + shown);
        assertTrue(shown.contains("bkops: not confirmed; nothing was sent\n"), shown);
        String help = shown.substring(shown.indexOf("Create a task"), shown.indexOf("\nExamples:"));
        assertTrue(help.lines().allMatch(l -> l.length() <= 80),
                "help for a pipe is 80 columns: " + shown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"launcher", "java -jar"})
    void stdinPipedAndStdoutATerminal(String how) throws Exception {
        String bkops = launcher(how);
        String shown = inPty("stty cols 150; echo y | " + bkops + " -p sandbox task revoke 10001; echo | "
                + bkops + " task create --help", "");
        assertTrue(shown.contains("needs confirmation and stdin is not a terminal to ask on"), shown);
        assertFalse(shown.contains("[y/N]"), shown);
        assertTrue(shown.lines().anyMatch(l -> l.length() > 100 && l.length() <= 150),
                "help as wide as the terminal: " + shown);
    }
}
