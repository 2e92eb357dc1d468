package bkops.cli;

import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestEnv;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The root command line: version, help, typos, and commands found after global options that take values. */
@BkopsTest
class CommandLineTest {
    TestEnv local;

    private Map<String, String> env() {
        return local.env();
    }

    @Test
    void versionNamesTheVersionAndCommit() {
        CliRun.Result r = CliRun.run(env(), "--version");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().matches("(?s)bkops \\d+\\.\\d+\\.\\d+ \\(commit [^)]+\\)\\nJava .*"), r.out());
    }

    @Test
    void helpListsEveryNounAndTheExitCodes() {
        CliRun.Result r = CliRun.run(env(), "--help");
        assertEquals(0, r.exit(), r.toString());
        for (String noun : new String[] {"template", "task", "node", "periodic", "step", "job", "config", "doctor",
                "completion", "sandbox"}) {
            assertTrue(r.out().contains("\n  " + noun + " "), noun + " in\n" + r.out());
        }
        assertTrue(r.out().contains("124  watch/wait: --timeout passed first"), r.out());
        assertFalse(r.out().contains("__train") || r.out().contains("__complete"), "hidden commands stay hidden");
        CliRun.Result h = CliRun.run(env(), "help", "template");
        assertEquals(0, h.exit(), h.toString());
        assertTrue(h.out().contains("Usage: bkops template [OPTIONS] [COMMAND]"), h.out());
    }

    @Test
    void aTypoIsAUsageErrorWithSuggestions() {
        CliRun.Result r = CliRun.run(env(), "tempalte", "list");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("Did you mean: bkops template"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aGlobalOptionsValueThatLooksLikeACommandIsNotTakenForOne() {
        // -p takes "task" as the profile name; the command is "config view".
        CliRun.Result r = CliRun.run(env(), "-p", "task", "config", "view");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("task"), "the unknown profile 'task' is what is reported: " + r.err());
        assertFalse(r.err().contains("Unmatched"), r.err());
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun.Result r = CliRun.run(env());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("a command is required"), r.err());
    }
}
