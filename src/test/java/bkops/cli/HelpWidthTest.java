package bkops.cli;

import bkops.testing.CliRun;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Help fills the terminal on stdout, as wide as bkops's own TerminalSize says (COLUMNS here), and 80 columns when stdout
 * is not a terminal. picocli's own detection ran stty while building the commands of every run (issue 17).
 */
class HelpWidthTest {
    private static int widest(String text) {
        return text.lines().mapToInt(String::length).max().orElse(0);
    }

    @Test
    void helpOnATerminalIsAsWideAsTheTerminal() {
        Map<String, String> env = Map.of("COLUMNS", "150", "LINES", "40", "NO_COLOR", "1");
        CliRun.Result wide = CliRun.run(env, null, CliContext.Sleeper.REAL, true, "task", "create", "--help");
        assertEquals(0, wide.exit(), wide::toString);
        assertTrue(widest(wide.out()) > 80 && widest(wide.out()) <= 150, wide.out());

        CliRun.Result group = CliRun.run(env, null, CliContext.Sleeper.REAL, true, "task", "--help");
        CliRun.Result help = CliRun.run(env, null, CliContext.Sleeper.REAL, true, "help", "task");
        assertTrue(widest(group.out()) > 80, group.out());
        assertEquals(group.out(), help.out(), "the help command too");
    }

    @Test
    void helpElsewhereIsEightyColumns() {
        CliRun.Result r = CliRun.run(Map.of("COLUMNS", "150"), null, CliContext.Sleeper.REAL, false,
                "task", "create", "--help");
        assertEquals(0, r.exit(), r::toString);
        // the examples are printed as written (HelpScreens): they may be longer
        assertTrue(widest(r.out().substring(0, r.out().indexOf("\nExamples:\n"))) <= 80, r.out());
    }
}
