package bkops.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything bkops printed during the test run -- in-process commands, config commands, spawned processes (bin/bkops,
 * shells running the completion scripts, child JVMs) and daemon replies -- and every secret the tests handed it.
 * Each output is checked the moment it is recorded, so the test that made bkops print a secret fails there and then,
 * whatever order the classes run in; {@link SecretScan} checks the whole log again at the end.
 */
public final class OutputLog {
    /** Where an output came from. */
    public enum Source { COMMAND, CONFIG, PROCESS, DAEMON }

    public record Entry(Source source, CliRun.Result result) {
    }

    private static final List<Entry> ENTRIES = Collections.synchronizedList(new ArrayList<>());
    private static final Set<String> SECRETS = Collections.synchronizedSet(new LinkedHashSet<>());

    private OutputLog() {}

    /** Records one output, taking as secrets the environment's *SECRET* and *TOKEN* values; fails if one was printed. */
    public static void record(Source source, Map<String, String> env, CliRun.Result r) {
        env.forEach((k, v) -> {
            if ((k.contains("SECRET") || k.contains("TOKEN")) && v != null && v.length() >= 4) {
                SECRETS.add(v);
            }
        });
        assertNoSecret(r, secrets());
        ENTRIES.add(new Entry(source, r));
    }

    /** A secret a test gave bkops some other way (a file, stdin, a server's echo). */
    public static void secret(String value) {
        SECRETS.add(value);
    }

    /** Fails when any of the secrets is in the output; the message shows the output with the secret masked. */
    public static void assertNoSecret(CliRun.Result r, Set<String> secrets) {
        for (String secret : secrets) {
            if (r.out().contains(secret) || r.err().contains(secret)) {
                String masked = secret.charAt(0) + "...";
                throw new AssertionError("bkops printed a secret (masked here as " + masked + "):\n"
                        + r.toString().replace(secret, masked));
            }
        }
    }

    public static List<Entry> entries() {
        synchronized (ENTRIES) {
            return List.copyOf(ENTRIES);
        }
    }

    public static Set<String> secrets() {
        synchronized (SECRETS) {
            return Set.copyOf(SECRETS);
        }
    }
}
