package bkops.cron;

import bkops.i18n.Localized;
import bkops.i18n.Text;

/** A cron expression bkops refuses, with the field at fault (null when the problem is the whole expression). */
public final class CronException extends IllegalArgumentException implements Localized {
    private final transient CronField field;
    private final transient Text text;

    CronException(CronField field, String message) {
        super(message);
        this.field = field;
        this.text = null;
    }

    /** Said in the run's language (errors.cron.*); getMessage() is its English. */
    CronException(CronField field, Text text) {
        super(text.english());
        this.field = field;
        this.text = text;
    }

    /** The text, or the English message as it is (ServerCron's, about the server's strings). */
    @Override
    public Text text() {
        return text != null ? text : Text.of("errors.cron.as-is", getMessage());
    }

    public CronField field() {
        return field;
    }
}
