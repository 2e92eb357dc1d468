package bkops.cli.docs;

import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestEnv;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** `bkops completion SHELL` prints exactly the committed script, every command included. */
@BkopsTest
class CompletionCommandTest {
    TestEnv local;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bash, completions/bkops.bash", "zsh, completions/_bkops"})
    void printsTheSameScriptAsCompletions(String shell, String committed) throws Exception {
        // Start-up registers only the command named on the line; completion must still see them all.
        CliRun.Result r = local.run("completion", shell);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err());
        assertEquals(Files.readString(Path.of(committed), StandardCharsets.UTF_8), r.out());
    }
}
