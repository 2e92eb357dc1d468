package bkops.cron;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

/** A schedule in plain English, e.g. "at 03:00 on Monday" or "every 15 minutes, on day 1 of the month". */
public final class CronWords {
    private CronWords() {}

    public static String describe(CronExpression c) {
        String days = days(c);
        BitSet monthSet = c.values(CronField.MONTH);
        String months = every(monthSet, 12) ? "" : " in " + list(monthSet, CronWords::month);
        return time(c) + (days.isEmpty() ? "" : ", " + days) + months;
    }

    private static String time(CronExpression c) {
        BitSet minutes = c.values(CronField.MINUTE);
        BitSet hours = c.values(CronField.HOUR);
        if (minutes.cardinality() * hours.cardinality() <= 4) {
            List<String> times = new ArrayList<>();
            for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                    times.add(String.format("%02d:%02d", h, m));
                }
            }
            return "at " + join(times);
        }
        String minute = every(minutes, 60) ? "every minute" : step(c.field(CronField.MINUTE), "minutes")
                .orElse("at minute " + list(minutes, String::valueOf));
        if (every(hours, 24)) {
            return minute.startsWith("at minute") ? minute + " of every hour" : minute;
        }
        String hour = step(c.field(CronField.HOUR), "hours").map(s -> s.replace("every", "of every"))
                .orElse("during hour " + list(hours, h -> String.format("%02d", h)));
        return minute + " " + hour;
    }

    private static String days(CronExpression c) {
        BitSet domSet = c.values(CronField.DAY_OF_MONTH);
        BitSet dowSet = c.values(CronField.DAY_OF_WEEK);
        if (c.eitherDay() && (every(domSet, 31) || every(dowSet, 7))) {
            return ""; // either one matching is every day
        }
        String dom = every(domSet, 31) ? "" : "on day " + list(domSet, String::valueOf) + " of the month";
        String dow = every(dowSet, 7) ? "" : "on " + list(dowSet, CronWords::weekday);
        if (dom.isEmpty() || dow.isEmpty()) {
            return dom + dow;
        }
        return c.eitherDay() ? dom + " or " + dow : dom + " if it is " + dow.substring(3);
    }

    /** "* /15" -> "every 15 minutes". */
    private static Optional<String> step(String text, String unit) {
        if (text.matches("\\*/\\d+")) {
            return Optional.of("every " + text.substring(2) + " " + unit);
        }
        return Optional.empty();
    }

    private static boolean every(BitSet set, int size) {
        return set.cardinality() == size;
    }

    /** Values as "1-5, 7 and 9": consecutive runs of three or more become ranges. */
    private static String list(BitSet set, IntFunction<String> name) {
        List<String> items = new ArrayList<>();
        for (int a = set.nextSetBit(0); a >= 0; ) {
            int b = set.nextClearBit(a) - 1;
            if (b - a >= 2) {
                items.add(name.apply(a) + " through " + name.apply(b));
            } else {
                for (int v = a; v <= b; v++) {
                    items.add(name.apply(v));
                }
            }
            a = set.nextSetBit(b + 1);
        }
        return join(items);
    }

    private static String join(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String weekday(int v) {
        return DayOfWeek.of(v == 0 ? 7 : v).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String month(int v) {
        return Month.of(v).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
