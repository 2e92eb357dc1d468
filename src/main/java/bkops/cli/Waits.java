package bkops.cli;

/**
 * A command that waits (watch, wait, --wait): there the global --timeout is the deadline of the whole wait, not of
 * each request, whose timeout then comes from BKOPS_TIMEOUT or the profile. {@link Cli} asks before the command runs,
 * so the session is built knowing it.
 */
public interface Waits {
    /** Whether this run waits (for some commands only with --wait). */
    boolean waits();
}
