package bkops.testing;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The check that makes a leak fail the very test that caused it. */
class OutputLogTest {
    @Test
    void aPrintedSecretFailsTheRunThatPrintedItAndIsNotShownInTheFailure() {
        Map<String, String> env = Map.of("BK_APP_SECRET", "leaky-secret-3b7e");
        CliRun.Result leaked = new CliRun.Result(3, "", "bkops: denied for leaky-secret-3b7e\n");
        AssertionError e = assertThrows(AssertionError.class,
                () -> OutputLog.record(OutputLog.Source.COMMAND, env, leaked));
        assertTrue(e.getMessage().contains("bkops printed a secret"), e.getMessage());
        assertFalse(e.getMessage().contains("leaky-secret-3b7e"), e.getMessage());
        assertFalse(OutputLog.entries().stream().anyMatch(x -> x.result() == leaked), "a leak is not kept in the log");
        OutputLog.record(OutputLog.Source.COMMAND, env, new CliRun.Result(3, "", "bkops: denied for ****\n"));
    }
}
