package bkops.render;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** API times for people: get_task_list answers ISO-8601 in UTC, most other APIs "YYYY-MM-DD HH:MM:SS +ZZZZ". */
public final class Times {
    private static final DateTimeFormatter SOPS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

    private Times() {}

    /** An ISO instant shown like the other APIs' times, in {@code zone}; anything else is returned unchanged. */
    public static String readable(String apiTime, ZoneId zone) {
        if (apiTime == null || apiTime.isEmpty() || !apiTime.contains("T")) {
            return apiTime == null ? "" : apiTime;
        }
        try {
            return SOPS.format(Instant.parse(apiTime).atZone(zone));
        } catch (DateTimeParseException notAnInstant) {
            return apiTime;
        }
    }
}
