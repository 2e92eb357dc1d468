package bkops.cli.periodic;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * --from: where to start counting the next runs. A date-time with an offset is an instant; one without is read in the
 * schedule's zone, which is known only after the server answers (so the parse happens first, the reading later).
 */
record From(OffsetDateTime offset, LocalDateTime local) {

    /** The start in {@code zone}; now when the option was not given. */
    static ZonedDateTime in(From from, ZoneId zone) {
        if (from == null) {
            return ZonedDateTime.now(zone);
        }
        return from.offset != null ? from.offset.atZoneSameInstant(zone) : from.local.atZone(zone);
    }

    static final class Converter implements ITypeConverter<From> {
        @Override
        public From convert(String s) {
            try {
                return new From(OffsetDateTime.parse(s), null);
            } catch (DateTimeParseException e) {
                try {
                    return new From(null, LocalDateTime.parse(s));
                } catch (DateTimeParseException e2) {
                    throw new TypeConversionException("'" + s + "' is not a date-time like 2026-11-25T10:00 or 2026-11-25T10:00+08:00");
                }
            }
        }
    }
}
