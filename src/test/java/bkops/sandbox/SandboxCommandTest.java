package bkops.sandbox;

import bkops.cli.sandbox.SandboxCommand;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxCommandTest {
    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new SandboxCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void resetDeletesTheWorld(@TempDir Path dir) throws Exception {
        try (TestSandbox c = TestSandbox.start(dir, dir, true, TestSandbox.EPOCH)) {
            c.createTask(1, null);
        }
        assertTrue(Files.exists(dir.resolve("world.json")));
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter(), "reset", "--state-dir", dir.toString()));
        assertFalse(Files.exists(dir.resolve("world.json")));
        assertTrue(out.toString().startsWith("sandbox reset: "));
    }

    @Test
    void badServeFlagsAreUsageErrorsBeforeAnythingStarts() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "serve", "--port", "0", "--latency", "soon"));
        assertTrue(err.toString().contains("invalid duration 'soon'"), err.toString());
        assertEquals(2, run(new StringWriter(), new StringWriter(), "serve", "--port", "0", "--fail-rate", "2"));
        assertEquals(2, run(new StringWriter(), new StringWriter(), "serve", "--port", "0", "--speed", "0"));
    }
}
