package bkops.sandbox;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Celery-style crontab: five fields (minute, hour, day_of_week, day_of_month, month_of_year) accepting numbers in
 * range, "*", "*&#47;n", lists, ranges (with steps) and weekday / month names. Errors carry Celery's parser wording.
 */
final class Cron {
    static final List<String> FIELDS = List.of("minute", "hour", "day_of_week", "day_of_month", "month_of_year");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private final BitSet[] sets = new BitSet[5];

    private Cron(Map<String, String> fields) {
        int[][] ranges = {{0, 59}, {0, 23}, {0, 6}, {1, 31}, {1, 12}};
        for (int i = 0; i < 5; i++) sets[i] = parse(fields.get(FIELDS.get(i)), ranges[i][0], ranges[i][1], i);
    }

    /** The five fields with "*" for the missing ones, validated; IllegalArgumentException = the parser's message. */
    static Map<String, String> normalize(Map<String, Object> in) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : FIELDS) {
            Object v = in.get(f);
            out.put(f, v == null || v.toString().isBlank() ? "*" : v.toString().trim());
        }
        new Cron(out);
        return out;
    }

    /** The legacy display: "minute hour day_of_week day_of_month month_of_year (m/h/d/dM/MY) Asia/Shanghai". */
    static String display(Map<String, String> cron) {
        StringBuilder sb = new StringBuilder();
        for (String f : FIELDS) sb.append(cron.get(f)).append(' ');
        return sb.append("(m/h/d/dM/MY) ").append(Call.ZONE.getId()).toString();
    }

    /** The first minute strictly after {@code after} that matches (searching up to ~4 years); null if none. */
    static ZonedDateTime next(Map<String, String> cron, ZonedDateTime after) {
        Cron c = new Cron(cron);
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusYears(4);
        while (t.isBefore(limit)) {
            if (!c.sets[4].get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).withHour(0).withMinute(0).plusMonths(1);
                continue;
            }
            if (!c.sets[3].get(t.getDayOfMonth()) || !c.sets[2].get(t.getDayOfWeek().getValue() % 7)) {
                t = t.withHour(0).withMinute(0).plusDays(1);
                continue;
            }
            if (!c.sets[1].get(t.getHour())) {
                t = t.withMinute(0).plusHours(1);
                continue;
            }
            if (!c.sets[0].get(t.getMinute())) {
                t = t.plusMinutes(1);
                continue;
            }
            return t;
        }
        return null;
    }

    private static BitSet parse(String spec, int min, int max, int field) {
        BitSet set = new BitSet();
        for (String part : spec.toLowerCase(Locale.ROOT).split(",")) {
            if (part.isEmpty()) throw new IllegalArgumentException("Invalid weekday literal '" + spec + "'.");
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), spec, field);
                if (step < 1) throw new IllegalArgumentException("Invalid beginning range: " + step + " < " + min + ".");
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = max;
            } else if (range.contains("-")) {
                String[] ab = range.split("-", 2);
                lo = value(ab[0], spec, field);
                hi = value(ab[1], spec, field);
            } else {
                lo = value(range, spec, field);
                hi = slash >= 0 ? max : lo;
            }
            if (lo < min) throw new IllegalArgumentException("Invalid beginning range: " + lo + " < " + min + ".");
            if (hi > max) throw new IllegalArgumentException("Invalid end range: " + hi + " > " + max + ".");
            if (lo > hi) throw new IllegalArgumentException("Invalid beginning range: " + lo + " > " + hi + ".");
            for (int v = lo; v <= hi; v += step) set.set(v);
        }
        return set;
    }

    private static int value(String s, String spec, int field) {
        if (field == 2 && DAYS.contains(s.length() >= 3 ? s.substring(0, 3) : s)) return DAYS.indexOf(s.substring(0, 3));
        if (field == 4 && MONTHS.contains(s.length() >= 3 ? s.substring(0, 3) : s)) return MONTHS.indexOf(s.substring(0, 3)) + 1;
        return number(s, spec, field);
    }

    private static int number(String s, String spec, int field) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            String what = field == 2 ? "weekday" : field == 4 ? "month" : "";
            throw new IllegalArgumentException(what.isEmpty() ? "invalid literal for int() with base 10: '" + s + "'"
                    : "Invalid " + what + " literal '" + s + "'.");
        }
    }
}
