package bkops.cli.periodic;

import bkops.cli.CliException;
import bkops.i18n.Text;
import picocli.CommandLine.Option;

import java.time.ZoneId;
import java.time.ZonedDateTime;

/** How a schedule's next runs are shown, for every periodic verb that shows them: how many, counted from when. */
public final class ScheduleOptions {
    @Option(names = "--next", paramLabel = "N", defaultValue = "5",
            description = "How many next runs to show (default ${DEFAULT-VALUE}).")
    int next;

    @Option(names = "--from", paramLabel = "DATETIME", converter = From.Converter.class,
            description = "Count the next runs from this time instead of now (e.g. 2026-12-01T00:00, read in the project's zone).")
    From from;

    /** How many runs, or exit 2 before any request when it is not 0 to 100. */
    int next() {
        if (next < 0 || next > 100) {
            throw CliException.usage(Text.of("errors.cli.between", "--next", 0, 100, next));
        }
        return next;
    }

    /** Where the count starts in {@code zone}: --from, or now. */
    ZonedDateTime start(ZoneId zone) {
        return From.in(from, zone);
    }
}
