package bkops.testing;

import bkops.sandbox.SandboxCredentials;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The final secret scan. Registered for every test class by autodetection (junit-platform.properties,
 * META-INF/services), it runs once, after the last test class of the run, when JUnit closes its root store; a failure
 * there fails the run (surefire reports it as the engine's failure). No test selects it, so no filter or order skips it.
 * <p>
 * Every output was already checked as it was recorded ({@link OutputLog}), so a leak fails the test that caused it;
 * this checks the whole log again with every secret registered since, and that the log covers the lane: when a lane
 * runs whole (Maven sets {@code bkops.lane} and no {@code -Dtest} filter), it fails on an empty log or on a kind of
 * output the lane should have made and did not (a runner that stopped recording).
 */
public final class SecretScan implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SecretScan.class);

    @Override
    public void beforeAll(ExtensionContext ctx) {
        ctx.getRoot().getStore(NS).getOrComputeIfAbsent(Final.class, k -> new Final(), Final.class);
    }

    /** Closed by JUnit after everything else in the run. */
    static final class Final implements AutoCloseable {
        @Override
        public void close() {
            check(OutputLog.entries(), OutputLog.secrets(), wholeLane());
        }
    }

    /**
     * The lane that runs whole, or null: run from an IDE, or with -Dtest (then only the secrets are checked). The pom
     * passes -Dtest's value as bkops.filter: empty (or the unresolved expression) when there is none.
     */
    static String wholeLane() {
        String lane = System.getProperty("bkops.lane");
        String filter = System.getProperty("bkops.filter", "");
        boolean filtered = !filter.isBlank() && !filter.startsWith("${");
        return lane == null || filtered ? null : lane;
    }

    /** The kinds of output each lane makes when it runs whole. */
    static Set<OutputLog.Source> expected(String lane) {
        return switch (lane) {
            case "fast" -> EnumSet.of(OutputLog.Source.COMMAND, OutputLog.Source.CONFIG, OutputLog.Source.DAEMON);
            case "slow" -> EnumSet.of(OutputLog.Source.PROCESS, OutputLog.Source.DAEMON);
            default -> throw new AssertionError("unknown lane " + lane);
        };
    }

    static void check(List<OutputLog.Entry> entries, Collection<String> secrets, String wholeLane) {
        Set<String> all = Set.copyOf(secrets);
        for (OutputLog.Entry e : entries) {
            OutputLog.assertNoSecret(e.result(), all);
        }
        if (wholeLane == null) {
            return;
        }
        if (entries.isEmpty()) {
            throw new AssertionError("secret scan: no output was recorded in the " + wholeLane + " lane: the runners "
                    + "(testing/CliRun, OutputLog.record for processes and the daemon) no longer record");
        }
        Map<OutputLog.Source, Long> bySource = entries.stream()
                .collect(Collectors.groupingBy(OutputLog.Entry::source, Collectors.counting()));
        for (OutputLog.Source s : expected(wholeLane)) {
            if (bySource.getOrDefault(s, 0L) == 0) {
                throw new AssertionError("secret scan: no " + s + " output was recorded in the " + wholeLane
                        + " lane: " + bySource);
            }
        }
        if (wholeLane.equals("fast")) {
            long failures = entries.stream().filter(e -> e.result().exit() != 0).count();
            if (bySource.getOrDefault(OutputLog.Source.COMMAND, 0L) < 20 || failures < 10) {
                throw new AssertionError("secret scan: the fast lane's commands and failure paths are not all "
                        + "recorded: " + bySource + ", " + failures + " failing runs");
            }
            if (!secrets.contains(SandboxCredentials.APP_SECRET)) {
                throw new AssertionError("secret scan: the sandbox secret was never registered");
            }
        }
    }
}
