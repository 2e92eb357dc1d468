package bkops.config;

import bkops.i18n.Localized;
import bkops.i18n.Text;

/** A configuration problem (bad value, missing setting, unreadable file); its message is one line for the operator. */
public class ConfigException extends RuntimeException implements Localized {
    private final Text text;

    public ConfigException(String message) {
        super(message);
        this.text = null;
    }

    /** Said in the run's language (errors.config.*); getMessage() is its English. */
    public ConfigException(Text text) {
        super(text.english());
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }

    /** What it says, to be put in another text: its text, else its English message. */
    public Object said() {
        return text != null ? text : getMessage();
    }
}
