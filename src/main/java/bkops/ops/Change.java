package bkops.ops;

import bkops.i18n.Text;

import java.util.List;
import java.util.Optional;

/**
 * One state-changing call, every one bkops makes. It says what it is in an operator's words (prompts, previews,
 * reports), whether the current state refuses it (bkops's own check; --force sends it anyway), whether it cannot be
 * undone (asked first on a terminal, --yes otherwise), the requests it would send (--dry-run), and sends itself once:
 * a lost reply is read back ({@link ReadBack}), never sent again. cli/ChangeRunner is the one place that runs them.
 *
 * @param <R> what the server's answer, or the read-back, says happened
 */
public interface Change<R> {
    /** e.g. "revoke task 12", "skip node 部署 (n1f2) of task 12". */
    String what();

    /** {@link #what()} to be said in the run's language (prompts, the read-only refusal); its English is what()'s. */
    default Text whatText() {
        return Text.of("errors.ops.as-is", what());
    }

    /** Skipping, revoking, failing, terminating: what cannot be undone. */
    default boolean destructive() {
        return false;
    }

    /**
     * What a profile with protect confirm wants its name typed for (cli/ChangeRunner): what cannot be undone, and what
     * stops work from being run (disabling a periodic task), though it is not asked for under an unprotected profile.
     */
    default boolean guarded() {
        return destructive();
    }

    /** Why the state read before refuses it, in words; empty when it may go. */
    default Optional<String> refusal() {
        return Optional.empty();
    }

    /** Where to look at the state that refuses it, e.g. "see 'bkops job status 20001'"; null when nowhere special. */
    default String lookAt() {
        return null;
    }

    /** {@link #refusal()} to be said in the run's language (errors.ops.*); its English is refusal()'s. */
    default Optional<Text> refusalText() {
        return refusal().map(why -> Text.of("errors.ops.as-is", why));
    }

    /** {@link #lookAt()} to be said in the run's language; null when nowhere special. */
    default Text lookAtText() {
        String at = lookAt();
        return at == null ? null : Text.of("errors.ops.as-is", at);
    }

    /** What it would send. */
    List<Request> requests();

    /** Sends it, once. */
    R send();
}
