package bkops.cli.docs;

import bkops.testing.CliRun;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** `bkops completion SHELL` prints exactly the committed script, every command included. */
class CompletionCommandTest {
    @TempDir
    Path home;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bash, completions/bkops.bash", "zsh, completions/_bkops"})
    void printsTheSameScriptAsCompletions(String shell, String committed) throws Exception {
        // Start-up registers only the command named on the line; completion must still see them all.
        CliRun.Result r = CliRun.run(Map.of("HOME", home.toString()), "completion", shell);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err());
        assertEquals(Files.readString(Path.of(committed), StandardCharsets.UTF_8), r.out());
    }
}
