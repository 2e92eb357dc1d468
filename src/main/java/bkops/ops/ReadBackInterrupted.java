package bkops.ops;

import bkops.i18n.Localized;
import bkops.i18n.Text;

/** Ctrl-C came while a lost reply's effect was being looked for: nothing was sent again; the message says how to check. */
public final class ReadBackInterrupted extends RuntimeException implements Localized {
    private final Text text;

    public ReadBackInterrupted(String message, InterruptedException cause) {
        super(message, cause);
        this.text = null;
    }

    /** Said in the run's language; getMessage() is its English. */
    public ReadBackInterrupted(Text text, InterruptedException cause) {
        super(text.english(), cause);
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
