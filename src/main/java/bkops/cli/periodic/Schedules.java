package bkops.cli.periodic;

import bkops.cli.CliException;
import bkops.cli.Output;
import bkops.cron.CronException;
import bkops.cron.CronExpression;
import bkops.cron.CronField;
import bkops.cron.ServerCron;
import bkops.i18n.Text;

import java.time.DateTimeException;
import java.time.ZoneId;

/** What the periodic verbs share: reading the operator's cron, the zone, and checks of their options. */
final class Schedules {
    /** The day rule of a schedule a command sends: --both-days accepts the server's (see {@link #serverMeaning}). */
    static final class DayRule {
        @picocli.CommandLine.Option(names = "--both-days", description = "Accept that the server runs an expression "
                + "restricting both day-of-month and day-of-week only on days matching BOTH (standard cron: either); "
                + "refused without it.")
        boolean bothDays;

        /** The operator's expression as the server will run it, or exit 2 before any request. */
        bkops.cron.CronExpression meaning(String expression) {
            return serverMeaning(parse(expression), bothDays);
        }
    }

    private Schedules() {}

    /** The operator's expression, or exit 2 with the field and what is wrong (before any request). */
    static CronExpression parse(String expression) {
        try {
            return CronExpression.parse(expression);
        } catch (CronException e) {
            throw CliException.usage(e.text());
        }
    }

    /** The zone the server writes after its cron string; the local zone, said so, when it writes none. */
    static ZoneId zone(ServerCron cron, Output out) {
        if (cron != null && cron.zone() != null) {
            return cron.zone();
        }
        ZoneId local = ZoneId.systemDefault();
        out.warn(out.style().text("notice.cli.periodic.no-zone", local.getId()));
        return local;
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw CliException.usage(Text.of("errors.cli.periodic.zone", id));
        }
    }

    /**
     * Celery's crontab, the server's scheduler, needs BOTH day fields to match where standard cron needs either: an
     * expression that restricts both would silently fire on other days than the operator meant, so it is refused
     * unless {@code --both-days} accepts the server's meaning (then previews show the server's days).
     */
    static CronExpression serverMeaning(CronExpression c, boolean bothDays) {
        if (!c.eitherDay()) {
            return c;
        }
        if (!bothDays) {
            throw CliException.usage(Text.of("errors.cli.periodic.both-days", c.field(CronField.DAY_OF_MONTH),
                    c.field(CronField.DAY_OF_WEEK)));
        }
        return c.asServerRuns();
    }
}
