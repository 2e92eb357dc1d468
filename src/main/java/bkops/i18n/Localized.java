package bkops.i18n;

/**
 * A failure whose text can be said in the run's language: the error reporter prints {@link #text()} in it, and
 * getMessage() stays the English text. Any exception of any package may implement it.
 */
public interface Localized {
    /** The text, null when the exception has only its English message. */
    Text text();
}
