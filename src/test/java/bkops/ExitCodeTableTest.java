package bkops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** README's exit-code table says what bkops.ExitCode says, row for row: the contract is written once. */
class ExitCodeTableTest {
    @Test
    void readmeTableIsTheEnum() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("## Exit codes");
        assertTrue(at >= 0, "README.md has an '## Exit codes' section");
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : readme.substring(at).lines().skip(1).toList()) {
            if (line.startsWith("|")) {
                inTable = true;
                rows.add(line);
            } else if (inTable) {
                break;
            }
        }
        List<String> expected = new ArrayList<>(List.of("| code | meaning |", "|---|---|"));
        for (ExitCode c : ExitCode.values()) {
            expected.add("| " + c.code() + " | " + c.meaning() + " |");
        }
        assertEquals(expected, rows);
    }

    @Test
    void theHelpFooterListsEveryCodeOnceRightAligned() {
        String[] lines = ExitCode.helpLines();
        assertEquals(ExitCode.values().length, lines.length);
        assertEquals("  0  success (watch/wait: the task FINISHED)", lines[0]);
        assertEquals("124  watch/wait: --timeout passed first", lines[lines.length - 2]);
    }

    @Test
    void numbersAreUniqueAndOfFindsThem() {
        for (ExitCode c : ExitCode.values()) {
            assertEquals(c, ExitCode.of(c.code()));
        }
        assertEquals(ExitCode.INTERNAL, ExitCode.of(99));
    }
}
