package bkops.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations operators type: {@code 30s}, {@code 2m}, {@code 500ms}, {@code 1h30m}, or a plain number of seconds. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");
    private static final Pattern SECONDS = Pattern.compile("\\d+");

    static final String HINT = "use e.g. 30s, 2m, 500ms, 1h30m or a number of seconds";

    private Durations() {}

    public static Duration parse(String text) {
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
            // too large: reported below like any other unreadable duration
        }
        throw new ConfigException("bad duration '" + text + "': " + HINT);
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
