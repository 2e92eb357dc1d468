package bkops.ops;

import bkops.api.Sleeper;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Looking for the effect of a write whose reply was lost. The write may still land after the reply is gone (the
 * server finishing a slow request, or the gateway's 504 while the backend goes on), so one read is not enough to say
 * "not applied": the state is read a few times over a short window. Each read must be one the server's caches cannot
 * answer. Never conclusive in the negative: what was not seen may still appear.
 */
public final class ReadBack {
    /** Pauses before each read: at once, then over about ten seconds in all. */
    static final List<Duration> PAUSES = List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(3), Duration.ofSeconds(4));

    /** How long the window lasts, for messages. */
    public static final Duration WINDOW = PAUSES.stream().reduce(Duration.ZERO, Duration::plus);

    private final Sleeper sleeper;

    /** What a failed call says, to be said in the run's language: its text, else its English message. */
    public static Object said(bkops.api.ApiException e) {
        return e.text() != null ? e.text() : e.getMessage();
    }

    public ReadBack(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    /**
     * Reads until {@code look} finds the effect or the window closes. A read that fails counts as not found (the next
     * one may succeed); if every read failed, the last failure is thrown.
     */
    public <T> Optional<T> await(Supplier<Optional<T>> look) throws InterruptedException {
        RuntimeException failure = null;
        boolean answered = false;
        for (Duration pause : PAUSES) {
            if (!pause.isZero()) {
                sleeper.sleep(pause);
            }
            try {
                Optional<T> found = look.get();
                answered = true;
                if (found.isPresent()) {
                    return found;
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (!answered && failure != null) {
            throw failure;
        }
        return Optional.empty();
    }
}
