package bkops.cron;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cron string the API returns, e.g. {@code "0 3 1 * * (m/h/d/dM/MY) Asia/Shanghai"}: five fields in the order the
 * legend gives (bk-sops's legacy m/h/d/dM/MY, or django-celery-beat's m/h/dM/MY/d), then the project's time zone
 * (absent in older servers and in the docs' examples: {@code zone} is then null).
 */
public record ServerCron(CronExpression cron, ZoneId zone) {
    private static final Pattern SHAPE = Pattern.compile("^\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*"
            + "(?:\\(([a-zA-Z/]+)\\))?\\s*(\\S+)?\\s*$");
    private static final Map<String, String> UNIT_KEYS = Map.of("m", "minute", "h", "hour", "d", "day_of_week",
            "dM", "day_of_month", "MY", "month_of_year");
    private static final List<String> LEGACY = List.of("m", "h", "d", "dM", "MY");

    /** Parses the server's string; CronException when it is not one. */
    public static ServerCron parse(String s) {
        Matcher m = SHAPE.matcher(s == null ? "" : s);
        if (!m.matches()) {
            throw new CronException(null, "not a cron string the API returns: '" + s + "'");
        }
        List<String> units = m.group(6) == null ? LEGACY : List.of(m.group(6).split("/"));
        if (units.size() != 5 || !units.stream().allMatch(UNIT_KEYS::containsKey) || units.stream().distinct().count() != 5) {
            throw new CronException(null, "unknown field legend '(" + m.group(6) + ")' in '" + s + "'");
        }
        Map<String, String> api = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            api.put(UNIT_KEYS.get(units.get(i)), m.group(i + 1));
        }
        ZoneId zone = null;
        if (m.group(7) != null) {
            try {
                zone = ZoneId.of(m.group(7));
            } catch (DateTimeException e) {
                throw new CronException(null, "unknown time zone '" + m.group(7) + "' in '" + s + "'");
            }
        }
        return new ServerCron(CronExpression.fromApi(api), zone);
    }

    /** The server's string, or null when it is not one bkops can read (shown raw then). */
    public static ServerCron parseOrNull(String s) {
        try {
            return parse(s);
        } catch (CronException e) {
            return null;
        }
    }

    /** The schedule in standard order followed by the zone, as tables show it. */
    public String display() {
        return cron.text() + (zone == null ? "" : " " + zone.getId());
    }
}
