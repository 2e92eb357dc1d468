package bkops.cli;

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

    private EmbeddedSandbox(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    static EmbeddedSandbox start(Path stateDir) {
        try {
            return new EmbeddedSandbox(Sandbox.start(new SandboxOptions().stateDir(stateDir).port(0)));
        } catch (Sandbox.CorruptStateException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        } catch (IOException e) {
            throw new CliException(ExitCode.TRANSPORT, "cannot start the embedded sandbox (state in " + stateDir + "): "
                    + e.getMessage());
        }
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
        sandbox.close();
    }
}
