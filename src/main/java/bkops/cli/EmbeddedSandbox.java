package bkops.cli;

import bkops.ExitCode;
import bkops.i18n.Text;
import bkops.sandbox.Sandbox;
import bkops.sandbox.SandboxOptions;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The built-in `sandbox` profile: the simulator started in this process on an ephemeral loopback port, reached over
 * HTTP like any BlueKing. The only place outside the sandbox commands that names the sandbox package.
 */
final class EmbeddedSandbox implements AutoCloseable {
    private final Sandbox sandbox;
    /** What closing this handle does: stop the sandbox (a run of its own), or give it back (a resident one). */
    private final Runnable onClose;

    private EmbeddedSandbox(Sandbox sandbox, Runnable onClose) {
        this.sandbox = sandbox;
        this.onClose = onClose;
    }

    static EmbeddedSandbox start(Path stateDir) {
        Sandbox s = startSandbox(stateDir);
        return new EmbeddedSandbox(s, s::close);
    }

    static Sandbox startSandbox(Path stateDir) {
        try {
            return Sandbox.start(new SandboxOptions().stateDir(stateDir).port(0));
        } catch (Sandbox.CorruptStateException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        } catch (IOException e) {
            throw new CliException(ExitCode.TRANSPORT, Text.of("errors.cli.sandbox.start", stateDir, e.getMessage()));
        }
    }

    /** A handle on a sandbox that outlives this run; closing it runs {@code release}. */
    static EmbeddedSandbox lease(Sandbox sandbox, Runnable release) {
        return new EmbeddedSandbox(sandbox, release);
    }

    String sopsGatewayUrl() {
        return sandbox.sopsGatewayUrl();
    }

    String jobGatewayUrl() {
        return sandbox.jobGatewayUrl();
    }

    String esbUrl() {
        return sandbox.esbUrl();
    }

    @Override
    public void close() {
        onClose.run();
    }
}
