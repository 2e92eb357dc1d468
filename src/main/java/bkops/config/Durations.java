package bkops.config;

import bkops.i18n.Text;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations operators type: {@code 30s}, {@code 2m}, {@code 500ms}, {@code 1h30m}, or a plain number of seconds. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");
    private static final Pattern SECONDS = Pattern.compile("\\d+");

    private static final Text HINT_TEXT = Text.of("errors.config.duration.hint");
    /** The longest duration accepted anywhere (timeouts, intervals, deadlines). */
    public static final Duration MAX = Duration.ofDays(365);

    private Durations() {}

    public static Duration parse(String text) {
        Duration d = read(text);
        Text problem = problemText(text, d);
        if (problem != null) {
            throw new ConfigException(Text.of("errors.config.duration.bad", text, problem));
        }
        return d;
    }

    /** Why {@code text} is not a duration bkops accepts (without the text itself), or null when it is one. */
    static Text problemText(String text) {
        return problemText(text, read(text));
    }

    private static Text problemText(String text, Duration d) {
        if (d == null) {
            return HINT_TEXT;
        }
        // Larger values overflow the clock arithmetic of the HTTP client and of waits (e.g. nanoTime + timeout).
        return d.compareTo(MAX) > 0 ? Text.of("errors.config.duration.too-long", MAX.toHours()) : null;
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
