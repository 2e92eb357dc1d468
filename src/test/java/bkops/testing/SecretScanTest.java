package bkops.testing;

import bkops.sandbox.SandboxCredentials;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The final scan's own rules, on logs made up here (the real log is checked by the scan after the lane). */
class SecretScanTest {
    private static OutputLog.Entry entry(OutputLog.Source source, int exit, String err) {
        return new OutputLog.Entry(source, new CliRun.Result(exit, "", err));
    }

    /** A log such as a whole fast lane makes: 20 commands, 10 of them failing, a config command, a daemon reply. */
    private static List<OutputLog.Entry> fastLane() {
        List<OutputLog.Entry> log = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            log.add(entry(OutputLog.Source.COMMAND, i % 2, "bkops: denied for ****\n"));
        }
        log.add(entry(OutputLog.Source.CONFIG, 0, ""));
        log.add(entry(OutputLog.Source.DAEMON, 0, ""));
        return log;
    }

    private static final Set<String> SECRETS = Set.of(SandboxCredentials.APP_SECRET);

    @Test
    void aWholeLaneWithNothingRecordedFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> SecretScan.check(List.of(), SECRETS, "fast"));
        assertTrue(e.getMessage().contains("no output was recorded"), e.getMessage());
        assertThrows(AssertionError.class, () -> SecretScan.check(List.of(), SECRETS, "slow"));
        assertDoesNotThrow(() -> SecretScan.check(fastLane(), SECRETS, "fast"));
    }

    @Test
    void aWholeLaneMissingAKindOfOutputFails() {
        List<OutputLog.Entry> noConfig = new ArrayList<>(fastLane());
        noConfig.removeIf(x -> x.source() == OutputLog.Source.CONFIG);
        AssertionError e = assertThrows(AssertionError.class, () -> SecretScan.check(noConfig, SECRETS, "fast"));
        assertTrue(e.getMessage().contains("no CONFIG output"), e.getMessage());
        AssertionError slow = assertThrows(AssertionError.class, () -> SecretScan.check(
                List.of(entry(OutputLog.Source.DAEMON, 0, "")), SECRETS, "slow"));
        assertTrue(slow.getMessage().contains("no PROCESS output"), slow.getMessage());
    }

    @Test
    void aSecretRegisteredAfterTheOutputIsStillFoundAndAFilteredRunChecksOnlyThat() {
        List<OutputLog.Entry> log = List.of(entry(OutputLog.Source.PROCESS, 3, "bkops: denied for late-secret-77aa\n"));
        AssertionError e = assertThrows(AssertionError.class,
                () -> SecretScan.check(log, Set.of("late-secret-77aa"), null));
        assertFalse(e.getMessage().contains("late-secret-77aa"), "the failure masks it: " + e.getMessage());
        assertDoesNotThrow(() -> SecretScan.check(List.of(), SECRETS, null), "-Dtest runs check the secrets only");
    }

    @Test
    void theLaneIsWholeOnlyWithoutATestFilter() {
        String lane = System.getProperty("bkops.lane");
        String filter = System.getProperty("bkops.filter");
        try {
            System.setProperty("bkops.lane", "fast");
            System.setProperty("bkops.filter", ""); // what the pom passes when -Dtest is not given
            assertEquals("fast", SecretScan.wholeLane());
            System.setProperty("bkops.filter", "${test}"); // the same, should Maven leave it unresolved
            assertEquals("fast", SecretScan.wholeLane());
            System.setProperty("bkops.filter", "TaskLifecycleTest");
            assertNull(SecretScan.wholeLane());
        } finally {
            restore("bkops.lane", lane);
            restore("bkops.filter", filter);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
