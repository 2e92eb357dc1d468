package bkops;

import bkops.sandbox.SandboxCredentials;
import bkops.testing.OutputLog;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every output is already checked for secrets as it is recorded (OutputLog), so a leak fails the test that caused it
 * wherever it runs. This class runs last (junit-platform.properties) and checks the whole log again -- with the
 * secrets registered after some outputs were made -- and that the log really covers the suite: it fails, rather than
 * passes or skips, when there is little or nothing to check (run alone, or a kind of output no longer recorded).
 */
@Order(Integer.MAX_VALUE)
class SecretsNeverPrintedTest {
    @Test
    void noSecretAppearsInAnyOutputOfTheSuite() {
        List<OutputLog.Entry> entries = OutputLog.entries();
        assertFalse(entries.isEmpty(), "no output was recorded: this test checks the outputs of the whole suite and "
                + "runs after it; run the whole suite (mvn verify)");
        Map<OutputLog.Source, Long> bySource = entries.stream()
                .collect(Collectors.groupingBy(OutputLog.Entry::source, Collectors.counting()));
        for (OutputLog.Source s : OutputLog.Source.values()) {
            assertTrue(bySource.getOrDefault(s, 0L) > 0, "no " + s + " output was recorded: " + bySource);
        }
        assertTrue(bySource.get(OutputLog.Source.COMMAND) >= 20, "the suite's commands were recorded: " + bySource);
        long failures = entries.stream().filter(e -> e.result().exit() != 0).count();
        assertTrue(failures >= 10, "the suite's failure paths are covered: " + failures + " failing runs");
        assertTrue(OutputLog.secrets().contains(SandboxCredentials.APP_SECRET), "the sandbox secret was in use");
        for (OutputLog.Entry e : entries) {
            OutputLog.assertNoSecret(e.result(), OutputLog.secrets());
        }
    }
}
