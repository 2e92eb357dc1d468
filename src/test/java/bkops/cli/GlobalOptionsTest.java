package bkops.cli;

import bkops.config.Key;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the global options' declarations give the rest: the valued names Cli skips, the shells' candidates. */
class GlobalOptionsTest {
    @Test
    void theValuedOptionsAreReadFromTheDeclarations() {
        assertEquals(Set.of("-p", "--profile", "--sops-url", "--job-url", "--gateway", "-b", "--biz", "--scope",
                "--app-code", "--app-secret-file", "--username", "-o", "--output", "--color", "--timeout", "--retries",
                "--ca-cert", "--confirm-profile"), Cli.valued());
    }

    @Test
    void completionCandidatesAreTheSettingsChoices() {
        assertEquals(List.of("apigw", "esb"), list(new GlobalOptions.GatewayNames()));
        assertEquals(List.of("cmdb_biz", "project"), list(new GlobalOptions.ScopeNames()));
        assertEquals(List.of("auto", "always", "never"), list(new GlobalOptions.ColorNames()));
        assertEquals(Key.OUTPUT.choices(), list(new GlobalOptions.OutputNames()));
    }

    /** -o's names are OutputFormat's, in its order: the setting's check and the command's formats agree. */
    @Test
    void theOutputSettingsChoicesAreTheFormats() {
        assertEquals(Arrays.stream(OutputFormat.values()).map(OutputFormat::id).toList(), Key.OUTPUT.choices());
    }

    private static List<String> list(Iterable<String> it) {
        List<String> out = new ArrayList<>();
        it.forEach(out::add);
        return out;
    }
}
