package bkops.cli;

import bkops.i18n.Localized;
import bkops.i18n.Text;
import picocli.CommandLine.TypeConversionException;

/**
 * A bad option or argument value (an id, a step operation, a time), said as the one line bkops's own usage errors are:
 * ErrorReporter prints no picocli prefix for it, and says it in the run's language.
 */
public final class InvalidValue extends TypeConversionException implements Localized {
    private final Text text;

    public InvalidValue(String message) {
        super(message);
        this.text = null;
    }

    public InvalidValue(Text text) {
        super(text.english());
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
