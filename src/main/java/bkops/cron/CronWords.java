package bkops.cron;

import bkops.i18n.Messages;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A schedule in plain words, e.g. "at 03:00 on Monday" or "every 15 minutes, on day 1 of the month"; in Chinese
 * "每星期一 03:00" (the catalogue's errors.cron.* put the parts in each language's order).
 */
public final class CronWords {
    private final Messages m;

    private CronWords(Messages m) {
        this.m = m;
    }

    public static String describe(CronExpression c) {
        return describe(c, Messages.ENGLISH);
    }

    public static String describe(CronExpression c, Messages m) {
        return new CronWords(m).words(c);
    }

    private String words(CronExpression c) {
        String days = days(c);
        BitSet monthSet = c.values(CronField.MONTH);
        String months = every(monthSet, 12) ? "" : m.get("errors.cron.months", list(monthSet, this::month));
        return m.get("errors.cron.schedule", time(c), days.isEmpty() ? "" : m.get("errors.cron.days", days), months);
    }

    private String time(CronExpression c) {
        BitSet minutes = c.values(CronField.MINUTE);
        BitSet hours = c.values(CronField.HOUR);
        if (minutes.cardinality() * hours.cardinality() <= 4) {
            List<String> times = new ArrayList<>();
            for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                for (int mm = minutes.nextSetBit(0); mm >= 0; mm = minutes.nextSetBit(mm + 1)) {
                    times.add(String.format("%02d:%02d", h, mm));
                }
            }
            return m.get("errors.cron.at", join(times));
        }
        boolean atMinute = false;
        String minute;
        if (every(minutes, 60)) {
            minute = m.get("errors.cron.every-minute");
        } else {
            Optional<String> step = step(c.field(CronField.MINUTE));
            atMinute = step.isEmpty();
            minute = step.map(n -> m.get("errors.cron.every-minutes", n))
                    .orElse(m.get("errors.cron.at-minute", list(minutes, String::valueOf)));
        }
        if (every(hours, 24)) {
            return atMinute ? m.get("errors.cron.of-every-hour", minute) : minute;
        }
        String hour = step(c.field(CronField.HOUR)).map(n -> m.get("errors.cron.of-every-hours", n))
                .orElse(m.get("errors.cron.during-hour", list(hours, h -> String.format("%02d", h))));
        return m.get("errors.cron.minute-hour", minute, hour);
    }

    private String days(CronExpression c) {
        BitSet domSet = c.values(CronField.DAY_OF_MONTH);
        BitSet dowSet = c.values(CronField.DAY_OF_WEEK);
        if (c.eitherDay() && (every(domSet, 31) || every(dowSet, 7))) {
            return ""; // either one matching is every day
        }
        String dom = every(domSet, 31) ? "" : m.get("errors.cron.day-of-month", list(domSet, String::valueOf));
        String weekdays = every(dowSet, 7) ? "" : list(dowSet, this::weekday);
        String dow = weekdays.isEmpty() ? "" : m.get("errors.cron.on-weekday", weekdays);
        if (dom.isEmpty() || dow.isEmpty()) {
            return dom + dow;
        }
        return c.eitherDay() ? m.get("errors.cron.day-or-weekday", dom, dow) : m.get("errors.cron.day-if-weekday", dom, weekdays);
    }

    /** "* /15" -> "15". */
    private static Optional<String> step(String text) {
        if (text.matches("\\*/\\d+")) {
            return Optional.of(text.substring(2));
        }
        return Optional.empty();
    }

    private static boolean every(BitSet set, int size) {
        return set.cardinality() == size;
    }

    /** Values as "1-5, 7 and 9": consecutive runs of three or more become ranges. */
    private String list(BitSet set, IntFunction<String> name) {
        List<String> items = new ArrayList<>();
        for (int a = set.nextSetBit(0); a >= 0; ) {
            int b = set.nextClearBit(a) - 1;
            if (b - a >= 2) {
                items.add(m.get("errors.cron.range", name.apply(a), name.apply(b)));
            } else {
                for (int v = a; v <= b; v++) {
                    items.add(name.apply(v));
                }
            }
            a = set.nextSetBit(b + 1);
        }
        return join(items);
    }

    private String join(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return m.get("errors.cron.and", String.join(m.get("errors.cron.separator"), items.subList(0, items.size() - 1)),
                items.get(items.size() - 1));
    }

    /** The JDK's names of days and months in the run's language ("Monday", "星期一"). */
    private Locale locale() {
        return m.english() ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    private String weekday(int v) {
        return DayOfWeek.of(v == 0 ? 7 : v).getDisplayName(TextStyle.FULL, locale());
    }

    private String month(int v) {
        return Month.of(v).getDisplayName(TextStyle.FULL, locale());
    }
}
