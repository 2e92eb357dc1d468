package bkops.cli.task;

import bkops.cli.Values;
import bkops.i18n.Text;
import picocli.CommandLine.ITypeConverter;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * --at: a clocked task's start as an operator types it. "2026-12-02 03:00" (seconds optional, 'T' or a space) is read
 * in the local zone; "2026-12-02T03:00+08:00" or "2026-12-02 03:00:00+0800" (the API's own form) keep their offset;
 * "2026-12-02T03:00[Asia/Shanghai]" its zone. Whether it is in the future is the server's to say (bk-sops
 * gcloud/clocked_task/serializer.py validate_plan_start_time), not checked here.
 */
record PlanTime(ZonedDateTime at) {
    /** Not a java.time option type: Cli has picocli skip its java.time converters (ConverterExclusionTest). */
    static final class Converter implements ITypeConverter<PlanTime> {
        @Override
        public PlanTime convert(String s) {
            return new PlanTime(parse(s));
        }
    }

    private static final List<DateTimeFormatter> OFFSET = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]xx"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]xxx"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss] xx"));
    private static final List<DateTimeFormatter> LOCAL = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"));

    static ZonedDateTime parse(String s) {
        String t = s.trim();
        try {
            return ZonedDateTime.parse(t, DateTimeFormatter.ISO_ZONED_DATE_TIME);
        } catch (DateTimeParseException next) {
            // an offset or a local time below
        }
        for (DateTimeFormatter f : OFFSET) {
            try {
                return OffsetDateTime.parse(t, f).toZonedDateTime();
            } catch (DateTimeParseException next) {
                // the next form
            }
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return LocalDateTime.parse(t, f).atZone(ZoneId.systemDefault());
            } catch (DateTimeParseException next) {
                // the next form
            }
        }
        throw new bkops.cli.InvalidValue(Text.of("errors.cli.task.at-time", s));
    }
}
