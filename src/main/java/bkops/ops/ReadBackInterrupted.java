package bkops.ops;

/** Ctrl-C came while a lost reply's effect was being looked for: nothing was sent again; the message says how to check. */
public final class ReadBackInterrupted extends RuntimeException {
    public ReadBackInterrupted(String message, InterruptedException cause) {
        super(message, cause);
    }
}
