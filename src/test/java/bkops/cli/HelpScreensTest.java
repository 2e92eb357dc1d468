package bkops.cli;

import bkops.ExitCode;
import bkops.testing.CliRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Help as kubectl and gh give it (issue 16): a verb's screen has its own options, its examples as written and one line
 * pointing to `bkops options`; the exit codes are on `bkops --help` only.
 */
class HelpScreensTest {
    private static CliRun.Result help(int columns, String... args) {
        return CliRun.run(Map.of("COLUMNS", String.valueOf(columns), "LINES", "40", "NO_COLOR", "1"), null,
                CliContext.Sleeper.REAL, true, args);
    }

    @Test
    void aVerbsHelpIsShortAndHasNoGlobalOption() {
        CliRun.Result r = help(80, "node", "retry", "--help");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().lines().count() <= 45, r.out().lines().count() + " lines:\n" + r.out());
        for (String global : List.of("--profile", "--sops-url", "--insecure", "--app-secret-file", "--debug", "--retries")) {
            assertFalse(r.out().contains(global), global + " on a verb's screen:\n" + r.out());
        }
        assertTrue(r.out().contains("--inputs-file"), r.out());
        assertTrue(r.out().strip().endsWith(HelpScreens.GLOBALS_LINE), r.out());
        assertFalse(r.out().contains("Exit codes"), r.out());
    }

    @Test
    void examplesAreNeverWrapped() {
        String example = "echo '{\"job_content\": \"echo ok\"}' | bkops node retry 12 n1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6 "
                + "--inputs-file -";
        for (int columns : new int[] {40, 200}) {
            CliRun.Result r = help(columns, "node", "retry", "--help");
            assertTrue(r.out().contains("\n  " + example + "\n"), columns + " columns:\n" + r.out());
            assertTrue(r.out().contains("\n  bkops node retry 12 --failed --yes\n"), r.out());
        }
    }

    @Test
    void aWaitsTimeoutHasOneMeaningOnItsScreen() {
        CliRun.Result r = help(100, "task", "wait", "--help");
        assertEquals(1, r.out().split("--timeout=DURATION", -1).length - 1, r.out());
        assertTrue(r.out().contains("Deadline of the whole wait"), r.out());
        assertFalse(r.out().contains("each API call, its retries included"), r.out());
    }

    @Test
    void theExitCodesAreOnTheRootScreenOnly() {
        CliRun.Result root = help(100, "--help");
        assertTrue(root.out().contains("\nExit codes:\n"), root.out());
        for (ExitCode c : ExitCode.values()) {
            assertTrue(root.out().contains(" " + c.code() + "  "), c + ":\n" + root.out());
        }
        assertFalse(help(100, "task", "--help").out().contains("Exit codes"));
        assertFalse(help(100, "task", "watch", "--help").out().contains("Exit codes"));
    }

    @Test
    void bkopsOptionsListsTheGlobalOptions() {
        CliRun.Result r = help(100, "options");
        assertEquals(0, r.exit(), r::toString);
        for (String global : List.of("--profile", "--output", "--timeout", "--yes", "--dry-run", "--verbose")) {
            assertTrue(r.out().contains(global), global + ":\n" + r.out());
        }
    }

    @Test
    void aNounAlonePrintsItsHelpThenAUsageError() {
        CliRun.Result r = help(100, "task");
        assertEquals(ExitCode.USAGE.code(), r.exit(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().contains("\nVerbs:\n") && r.err().contains("  watch "), r.err());
        assertTrue(r.err().endsWith("bkops: 'bkops task' needs a verb, e.g. 'bkops task list'\n"), r.err());
    }

    @Test
    void aNoteThatIsNotExamplesIsShownUnderItsHeading() {
        CliRun.Result r = help(80, "config", "set", "--help");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("\nSecrets:\napp-secret, bk-token and access-token are never arguments"), r.out());
    }
}
