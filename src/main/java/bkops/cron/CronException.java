package bkops.cron;

/** A cron expression bkops refuses, with the field at fault (null when the problem is the whole expression). */
public final class CronException extends IllegalArgumentException {
    private final transient CronField field;

    CronException(CronField field, String message) {
        super(message);
        this.field = field;
    }

    public CronField field() {
        return field;
    }
}
