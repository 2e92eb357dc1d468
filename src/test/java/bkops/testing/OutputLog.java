package bkops.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything bkops printed during the test run, and every secret the tests handed it through the environment, so that
 * one test at the end can prove no secret ever reached stdout or stderr (SecretsNeverPrintedTest).
 */
public final class OutputLog {
    private static final List<CliRun.Result> RESULTS = Collections.synchronizedList(new ArrayList<>());
    private static final Set<String> SECRETS = Collections.synchronizedSet(new LinkedHashSet<>());

    private OutputLog() {}

    static void record(Map<String, String> env, CliRun.Result r) {
        env.forEach((k, v) -> {
            if ((k.contains("SECRET") || k.contains("TOKEN")) && v != null && v.length() >= 4) {
                SECRETS.add(v);
            }
        });
        RESULTS.add(r);
    }

    /** A secret a test gave bkops some other way (a file, stdin). */
    public static void secret(String value) {
        SECRETS.add(value);
    }

    public static List<CliRun.Result> results() {
        synchronized (RESULTS) {
            return List.copyOf(RESULTS);
        }
    }

    public static Set<String> secrets() {
        synchronized (SECRETS) {
            return Set.copyOf(SECRETS);
        }
    }
}
