package bkops.daemon;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * How the daemon runs one command of a client: bkops's command line, given to it by the entry point that starts it
 * (bkops.DaemonMain), so that the daemon knows nothing of the commands. Closed when the daemon stops.
 */
public interface CommandRunner extends AutoCloseable {
    /**
     * One command as the client sent it. {@code in} is the bytes the client sent, never a terminal (the client keeps
     * commands that may prompt); {@code columns} and {@code lines} are the client's terminal size, 0 when unknown.
     */
    record Invocation(List<String> args, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env,
                      boolean stdoutTerminal, int columns, int lines) {
    }

    /** Runs it and says its exit code; the command's own errors are reported on {@code err} by the runner. */
    int run(Invocation invocation);

    /** How many sandboxes the runner keeps running between commands (for `daemon status`). */
    default int residentSandboxes() {
        return 0;
    }

    @Override
    default void close() {
    }
}
