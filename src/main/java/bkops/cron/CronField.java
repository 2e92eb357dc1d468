package bkops.cron;

import java.util.List;
import java.util.Locale;

/** The five fields of a standard cron expression, in the order the operator types them. */
public enum CronField {
    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
    MONTH("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
    /** 0 and 7 are both Sunday, as in standard cron; stored as 0..6. */
    DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

    private final String label;
    private final int min;
    private final int max;
    private final List<String> names;

    CronField(String label, int min, int max, List<String> names) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    public String label() {
        return label;
    }

    /** {@link #label()} to be said in the run's language. */
    public bkops.i18n.Text labelText() {
        return bkops.i18n.Text.of(switch (this) {
            case MINUTE -> "errors.cron.field.minute";
            case HOUR -> "errors.cron.field.hour";
            case DAY_OF_MONTH -> "errors.cron.field.day-of-month";
            case MONTH -> "errors.cron.field.month";
            case DAY_OF_WEEK -> "errors.cron.field.day-of-week";
        });
    }

    public int min() {
        return min;
    }

    /** The largest value the operator may type (7 for day-of-week). */
    public int max() {
        return max;
    }

    /** The largest value stored (Sunday-as-7 folds to 0). */
    int maxStored() {
        return this == DAY_OF_WEEK ? 6 : max;
    }

    List<String> names() {
        return names;
    }

    /** The value of a name (JAN=1, SUN=0), or -1 if it is not one of this field's names. */
    int nameValue(String s) {
        int i = names.indexOf(s.toUpperCase(Locale.ROOT));
        return i < 0 ? -1 : (this == MONTH ? i + 1 : i);
    }
}
