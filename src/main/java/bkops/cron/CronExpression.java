package bkops.cron;

import bkops.i18n.Text;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A standard five-field cron expression (minute hour day-of-month month day-of-week): numbers, {@code *}, lists,
 * ranges, steps ({@code * /n}, {@code a-b/n}, {@code a/n}), the names JAN-DEC / SUN-SAT and the shorthands such as
 * {@code @daily}. Day-of-month and
 * day-of-week follow Vixie cron: when both are restricted (neither starts with {@code *}) a day matches if EITHER
 * matches; otherwise both must.
 */
public final class CronExpression {
    private static final CronField[] FIELDS = CronField.values();
    /** What Celery's crontab parser (the server's) takes as is: numbers only, no names, no Sunday-as-7. */
    private static final Pattern CELERY_PART = Pattern.compile("\\*|\\*/\\d+|\\d+|\\d+-\\d+|\\d+-\\d+/\\d+");
    /** Far enough to find 29 February on a given weekday, near enough to stay fast. */
    private static final int SEARCH_DAYS = 366 * 12;

    private final String[] texts;
    private final BitSet[] sets;
    /** The server's schedules are Celery crontabs: a day must match both day fields, whatever they hold. */
    private final boolean bothDays;

    private CronExpression(String[] texts, BitSet[] sets, boolean bothDays) {
        this.texts = texts;
        this.sets = sets;
        this.bothDays = bothDays;
    }

    /** Parses and validates what the operator typed; the message names the field and what is wrong. */
    public static CronExpression parse(String expression) {
        CronExpression c = read(expression, false);
        c.checkCanFire();
        return c;
    }

    /**
     * The API's object back into an expression (each missing field is "*", as the server defaults it). It keeps the
     * server's meaning: Celery's crontab runs only on days matching both day-of-month and day-of-week.
     */
    public static CronExpression fromApi(Map<String, String> api) {
        String[] std = new String[5];
        for (int i = 0; i < 5; i++) {
            String v = api.get(apiKey(FIELDS[i]));
            std[i] = v == null || v.isBlank() ? "*" : v.trim();
        }
        return read(String.join(" ", std), true);
    }

    private static CronExpression read(String expression, boolean bothDays) {
        String trimmed = expression == null ? "" : expression.trim();
        if (trimmed.startsWith("@")) {
            trimmed = macro(trimmed);
        }
        String[] parts = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
        if (parts.length != 5) {
            throw new CronException(null, Text.of(parts.length > 5 ? "errors.cron.count.shell"
                    : parts.length == 1 ? "errors.cron.count.one" : "errors.cron.count", trimmed, parts.length));
        }
        BitSet[] sets = new BitSet[5];
        for (int i = 0; i < 5; i++) {
            sets[i] = parseField(FIELDS[i], parts[i]);
        }
        return new CronExpression(parts, sets, bothDays);
    }

    /** Vixie cron's shorthands; @reboot has no meaning for a scheduler that never reboots. */
    private static String macro(String m) {
        return switch (m.toLowerCase(Locale.ROOT)) {
            case "@yearly", "@annually" -> "0 0 1 1 *";
            case "@monthly" -> "0 0 1 * *";
            case "@weekly" -> "0 0 * * 0";
            case "@daily", "@midnight" -> "0 0 * * *";
            case "@hourly" -> "0 * * * *";
            default -> throw new CronException(null, Text.of("errors.cron.macro", m));
        };
    }

    /** The key of a field in the API's cron object. */
    public static String apiKey(CronField f) {
        return switch (f) {
            case MINUTE -> "minute";
            case HOUR -> "hour";
            case DAY_OF_MONTH -> "day_of_month";
            case MONTH -> "month_of_year";
            case DAY_OF_WEEK -> "day_of_week";
        };
    }

    /** The expression in standard order, as typed. */
    public String text() {
        return String.join(" ", texts);
    }

    public String field(CronField f) {
        return texts[f.ordinal()];
    }

    /**
     * The API's object {minute, hour, day_of_week, day_of_month, month_of_year}. A field the server's parser would read
     * differently or reject (names, Sunday as 7, {@code a/n}) is sent as the plain numbers it stands for.
     */
    public Map<String, String> toApi() {
        Map<String, String> m = new LinkedHashMap<>();
        for (CronField f : List.of(CronField.MINUTE, CronField.HOUR, CronField.DAY_OF_WEEK, CronField.DAY_OF_MONTH, CronField.MONTH)) {
            m.put(apiKey(f), apiText(f));
        }
        return m;
    }

    private String apiText(CronField f) {
        String text = texts[f.ordinal()];
        boolean plain = true;
        for (String part : text.split(",")) {
            plain &= CELERY_PART.matcher(part).matches() && !(f == CronField.DAY_OF_WEEK && mentionsSeven(part));
        }
        return plain ? text : runs(sets[f.ordinal()]);
    }

    private static boolean mentionsSeven(String part) {
        String range = part.contains("/") ? part.substring(0, part.indexOf('/')) : part;
        for (String v : range.split("-")) {
            if (v.equals("7")) {
                return true;
            }
        }
        return false;
    }

    /** 1,2,3,5 -> "1-3,5". */
    private static String runs(BitSet set) {
        List<String> out = new ArrayList<>();
        for (int a = set.nextSetBit(0); a >= 0; ) {
            int b = set.nextClearBit(a) - 1;
            out.add(a == b ? String.valueOf(a) : a + "-" + b);
            a = set.nextSetBit(b + 1);
        }
        return String.join(",", out);
    }

    /**
     * True when a day matching either day field fires: standard cron with both day-of-month and day-of-week restricted
     * (never for the server's own schedules).
     */
    public boolean eitherDay() {
        return !bothDays && !texts[CronField.DAY_OF_MONTH.ordinal()].startsWith("*") && !texts[CronField.DAY_OF_WEEK.ordinal()].startsWith("*");
    }

    /** The same schedule as the server will run it: a day must match both day fields (Celery's crontab). */
    public CronExpression asServerRuns() {
        return new CronExpression(texts, sets, true);
    }

    boolean matchesDay(LocalDate d) {
        if (!sets[CronField.MONTH.ordinal()].get(d.getMonthValue())) {
            return false;
        }
        boolean dom = sets[CronField.DAY_OF_MONTH.ordinal()].get(d.getDayOfMonth());
        boolean dow = sets[CronField.DAY_OF_WEEK.ordinal()].get(d.getDayOfWeek().getValue() % 7);
        return eitherDay() ? dom || dow : dom && dow;
    }

    BitSet values(CronField f) {
        return (BitSet) sets[f.ordinal()].clone();
    }

    /**
     * The next {@code n} local times strictly after {@code after} in its zone, with what daylight saving does to them:
     * a local time the clocks skip does not run (listed as SKIPPED, not counted); one they repeat runs at both instants.
     */
    public List<Fire> next(ZonedDateTime after, int n) {
        ZoneId zone = after.getZone();
        List<Fire> out = new ArrayList<>();
        int counted = 0;
        LocalDate day = after.toLocalDate();
        for (int i = 0; i < SEARCH_DAYS && counted < n; i++, day = day.plusDays(1)) {
            if (!matchesDay(day)) {
                continue;
            }
            List<Fire> today = new ArrayList<>();
            BitSet hours = sets[CronField.HOUR.ordinal()];
            BitSet minutes = sets[CronField.MINUTE.ordinal()];
            for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                    LocalDateTime local = LocalDateTime.of(day, LocalTime.of(h, m));
                    List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
                    if (offsets.isEmpty()) {
                        ZonedDateTime shifted = ZonedDateTime.of(local, zone);
                        if (shifted.isAfter(after)) {
                            today.add(new Fire(local, shifted, Fire.Kind.SKIPPED));
                        }
                    }
                    for (int k = 0; k < offsets.size(); k++) {
                        ZonedDateTime at = ZonedDateTime.ofStrict(local, offsets.get(k), zone);
                        if (at.isAfter(after)) {
                            today.add(new Fire(local, at, k == 0 ? Fire.Kind.NORMAL : Fire.Kind.REPEATED));
                        }
                    }
                }
            }
            today.sort(Comparator.comparing((Fire f) -> f.at().toInstant()).thenComparing(Fire::local));
            for (Fire f : today) {
                if (counted == n) {
                    break;
                }
                out.add(f);
                if (f.kind() != Fire.Kind.SKIPPED) {
                    counted++;
                }
            }
        }
        return out;
    }

    /** Refuses schedules that can never run, such as 30 February, instead of letting them sit silently. */
    private void checkCanFire() {
        if (eitherDay() || !texts[CronField.DAY_OF_WEEK.ordinal()].startsWith("*")) {
            return; // some weekday of some chosen month always exists
        }
        BitSet months = sets[CronField.MONTH.ordinal()];
        BitSet days = sets[CronField.DAY_OF_MONTH.ordinal()];
        for (int m = months.nextSetBit(0); m >= 0; m = months.nextSetBit(m + 1)) {
            int first = days.nextSetBit(1);
            if (first >= 0 && first <= Month.of(m).maxLength()) {
                return;
            }
        }
        throw new CronException(CronField.DAY_OF_MONTH, Text.of("errors.cron.never", text(), field(CronField.DAY_OF_MONTH),
                field(CronField.MONTH)));
    }

    private static BitSet parseField(CronField f, String text) {
        BitSet set = new BitSet();
        for (String part : text.split(",", -1)) {
            if (part.isEmpty()) {
                throw error(f, text, Text.of("errors.cron.empty-item"));
            }
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                String s = part.substring(slash + 1);
                if (!s.matches("\\d{1,4}") || Integer.parseInt(s) == 0) {
                    throw error(f, text, Text.of("errors.cron.bad-step", s));
                }
                step = Integer.parseInt(s);
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = f.min();
                hi = f.maxStored();
            } else if (range.indexOf('-') > 0) {
                String[] ab = range.split("-", -1);
                if (ab.length != 2) {
                    throw error(f, text, Text.of("errors.cron.bad-range", range));
                }
                lo = value(f, text, ab[0]);
                hi = value(f, text, ab[1]);
                if (lo > hi) {
                    throw error(f, text, Text.of("errors.cron.backwards", range, lo, hi));
                }
            } else {
                lo = value(f, text, range);
                hi = slash >= 0 ? f.maxStored() : lo;
            }
            for (int v = lo; v <= hi; v += step) {
                set.set(f == CronField.DAY_OF_WEEK && v == 7 ? 0 : v);
            }
        }
        return set;
    }

    private static int value(CronField f, String text, String s) {
        if (s.matches("\\d{1,4}")) {
            int v = Integer.parseInt(s);
            if (v < f.min() || v > f.max()) {
                throw error(f, text, Text.of("errors.cron.out-of-range", v, f.min(), f.max()));
            }
            return v;
        }
        int named = f.nameValue(s);
        if (named >= 0) {
            return named;
        }
        if (f.names().isEmpty()) {
            throw error(f, text, Text.of("errors.cron.not-number", s));
        }
        throw error(f, text, Text.of("errors.cron.not-name", s, f.names().get(0), f.names().get(f.names().size() - 1)));
    }

    private static CronException error(CronField f, String text, Text what) {
        return new CronException(f, Text.of("errors.cron.field-error", f.labelText(), f.ordinal() + 1, text, what));
    }

    @Override
    public String toString() {
        return text();
    }
}
