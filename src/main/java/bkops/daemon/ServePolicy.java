package bkops.daemon;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which requests the daemon runs and which it hands back to a cold JVM. A JVM has one working directory and one time
 * zone, both the daemon's: a request that could resolve a relative path (an @file, a data file, a secret file) from
 * another directory, or that renders times in another zone, must not run here. Declining only costs speed.
 */
final class ServePolicy {
    /** Commands that manage files, the sandbox or the daemon itself: rare, and not worth a path audit. */
    private static final Set<String> COLD_WORDS = Set.of("config", "sandbox", "daemon", "__train");

    private final Path daemonCwd;
    private final String daemonTz;

    ServePolicy(Path daemonCwd, String daemonTz) {
        this.daemonCwd = daemonCwd;
        this.daemonTz = daemonTz;
    }

    /** Why this request must take the cold path, or empty to run it here. */
    Optional<String> decline(Path cwd, List<String> args, Map<String, String> env) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-p") || a.equals("--profile")) {
                i++; // a profile's name, not a command: `-p sandbox` is the built-in profile, served like any other
            } else if (COLD_WORDS.contains(a)) {
                return Optional.of("'" + a + "' runs in its own JVM");
            }
        }
        if (!Objects.equals(emptyToNull(env.get("TZ")), emptyToNull(daemonTz))) {
            return Optional.of("another time zone");
        }
        if (cwd.equals(daemonCwd)) {
            return Optional.empty();
        }
        for (String a : args) {
            String value = a.startsWith("-") && a.contains("=") ? a.substring(a.indexOf('=') + 1) : a;
            if (a.startsWith("@") || value.startsWith("@") || mayBeRelativePath(cwd, value)) {
                return Optional.of("an argument may name a file relative to " + cwd);
            }
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            // XDG_STATE_HOME places the built-in profile's sandbox; BK* may name a secret file
            if ((e.getKey().startsWith("BK") || e.getKey().startsWith("XDG_")) && mayBeRelativePath(cwd, e.getValue())) {
                return Optional.of(e.getKey() + " may name a file relative to " + cwd);
            }
        }
        return Optional.empty();
    }

    private static boolean mayBeRelativePath(Path cwd, String s) {
        if (s.isEmpty() || s.startsWith("/") || s.startsWith("~") || s.contains("://")) {
            return false;
        }
        if (s.contains("/")) {
            return true;
        }
        try {
            return Files.exists(cwd.resolve(s));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
