package bkops.render;

import bkops.cron.CronExpression;
import bkops.cron.CronWords;
import bkops.cron.Fire;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What a schedule means: in standard order and in words, then its next runs in a zone, daylight saving marked. */
public final class SchedulePreview {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm EEE xxx", Locale.ENGLISH);

    private SchedulePreview() {}

    /** The schedule and its next {@code n} runs after {@code from}, in {@code zone}. */
    public static void print(CronExpression c, ZoneId zone, ZonedDateTime from, int n, Style style, PrintWriter out) {
        out.println(style.bold(style.text("render.schedule.title")) + "  " + c.text() + "  (" + zone.getId() + ")");
        out.println("  " + CronWords.describe(c, style.messages()));
        if (n > 0) {
            out.println(style.bold(style.text(n == 1 ? "render.schedule.next.one" : "render.schedule.next", n)) + " "
                    + style.text("render.schedule.after", from.format(WHEN)));
            List<Fire> fires = c.next(from, n);
            if (fires.isEmpty()) {
                out.println("  " + style.yellow(style.text("render.schedule.none")));
            }
            for (Fire f : fires) {
                out.println("  " + line(f, style));
            }
        }
        out.flush();
    }

    private static String line(Fire f, Style style) {
        return switch (f.kind()) {
            case NORMAL -> f.at().format(WHEN);
            case REPEATED -> f.at().format(WHEN) + "  " + style.yellow(style.text("render.schedule.repeated"));
            case SKIPPED -> f.local().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm EEE", Locale.ENGLISH))
                    + "         " + style.yellow(style.text("render.schedule.skipped"));
        };
    }
}
