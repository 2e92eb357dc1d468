package bkops.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations operators type: {@code 30s}, {@code 2m}, {@code 500ms}, {@code 1h30m}, or a plain number of seconds. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");
    private static final Pattern SECONDS = Pattern.compile("\\d+");

    static final String HINT = "use e.g. 30s, 2m, 500ms, 1h30m or a number of seconds";
    /** The longest duration accepted anywhere (timeouts, intervals, deadlines). */
    public static final Duration MAX = Duration.ofDays(365);

    private Durations() {}

    public static Duration parse(String text) {
        Duration d = read(text);
        String problem = problem(text, d);
        if (problem != null) {
            throw new ConfigException("bad duration '" + text + "': " + problem);
        }
        return d;
    }

    /** Why {@code text} is not a duration bkops accepts (without the text itself), or null when it is one. */
    static String problem(String text) {
        return problem(text, read(text));
    }

    private static String problem(String text, Duration d) {
        if (d == null) {
            return HINT;
        }
        // Larger values overflow the clock arithmetic of the HTTP client and of waits (e.g. nanoTime + timeout).
        return d.compareTo(MAX) > 0 ? "longer than " + MAX.toHours() + "h (a year), the most bkops accepts" : null;
    }

    /** The duration, or null when the text is not one (or does not fit a long). */
    private static Duration read(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (SECONDS.matcher(s).matches()) {
                return Duration.ofSeconds(Long.parseLong(s));
            }
            Matcher m = PART.matcher(s);
            Duration total = Duration.ZERO;
            int end = 0;
            while (m.lookingAt()) {
                total = total.plus(unit(Long.parseLong(m.group(1)), m.group(2)));
                end = m.end();
                m.region(end, s.length());
            }
            if (end > 0 && end == s.length()) {
                return total;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // too large: reported like any other unreadable duration
        }
        return null;
    }

    private static Duration unit(long n, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
