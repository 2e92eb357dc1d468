package bkops;

import bkops.sandbox.SandboxCredentials;
import bkops.testing.CliRun;
import bkops.testing.OutputLog;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Runs last (see junit-platform.properties): greps everything every command printed in the whole suite — successes,
 * failures, -v and --debug traces — for every secret the tests used.
 */
@Order(Integer.MAX_VALUE)
class SecretsNeverPrintedTest {
    @Test
    void noSecretAppearsInAnyOutputOfTheSuite() {
        List<CliRun.Result> results = OutputLog.results();
        long failures = results.stream().filter(r -> r.exit() != 0).count();
        // Run alone (-Dtest=...) there is nothing to scan: skipped, not passed. The full suite feeds it hundreds of runs.
        Assumptions.assumeTrue(results.size() >= 20, "only meaningful after the rest of the suite");
        assertTrue(failures >= 10, "the suite's failure paths are covered: " + failures + " failing runs");
        assertTrue(OutputLog.secrets().contains(SandboxCredentials.APP_SECRET), "the sandbox secret was in use");
        for (CliRun.Result r : results) {
            for (String secret : OutputLog.secrets()) {
                assertFalse(r.out().contains(secret) || r.err().contains(secret),
                        "a secret was printed (masked here as " + secret.charAt(0) + "...):\n" + r);
            }
        }
    }
}
