package bkops.cli.sandbox;

import bkops.cli.BkopsCommand;
import bkops.cli.GlobalUse;
import bkops.config.XdgPaths;
import bkops.sandbox.Sandbox;
import bkops.sandbox.SandboxCredentials;
import bkops.sandbox.SandboxOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/** {@code bkops sandbox serve|reset}: run the embedded SOPS + Job simulator for other processes, or start its world over. */
@Command(name = "sandbox", header = "Run or reset the embedded BlueKing SOPS + Job simulator.",
        description = "Run or reset the embedded BlueKing SOPS + Job simulator.",
        subcommands = {SandboxCommand.Serve.class, SandboxCommand.Reset.class})
public final class SandboxCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw bkops.cli.Cli.needsVerb(spec, "serve");
    }

    /** Runs the simulator standalone (e.g. {@code java -cp bkops.jar bkops.cli.sandbox.SandboxCommand serve}). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SandboxCommand()).setExpandAtFiles(false).execute(args));
    }

    @Command(name = "serve", header = "Serve the sandbox on a loopback port until killed; prints URLs and credentials.",
            description = "Serve the sandbox on a loopback port until killed; prints URLs and credentials.",
            footerHeading = "%nExamples:%n", footer = {"bkops sandbox serve --port 8765", "bkops sandbox serve --latency 50ms --fail-rate 0.1"})
    @GlobalUse(dryRun = GlobalUse.DryRun.REFUSED)
    static final class Serve implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--port", description = "Port on 127.0.0.1 (0 = any free port). Default: ${DEFAULT-VALUE}.")
        int port = 8765;

        @Option(names = "--state-dir", paramLabel = "DIR", description = "Where the world is kept (default: $XDG_STATE_HOME/bkops/sandbox).")
        Path stateDir;

        @Option(names = "--latency", paramLabel = "DURATION", description = "Added to every response, e.g. 200ms, 1s, PT0.5S.")
        String latency;

        @Option(names = "--fail-rate", paramLabel = "X", description = "Fraction (0..1) of requests answered with a random 5xx.")
        double failRate;

        @Option(names = "--speed", paramLabel = "X", description = "Simulated time runs X times faster than the wall clock. Default: ${DEFAULT-VALUE}.")
        double speed = 1;

        @Override
        public void run() {
            SandboxOptions options;
            Duration delay;
            try { // every flag is checked before anything binds a port
                options = new SandboxOptions().port(port).stateDir(stateDir != null ? stateDir : defaultStateDir(spec))
                        .speed(speed);
                delay = latency == null ? Duration.ZERO : parseDuration(latency);
                if (failRate < 0 || failRate > 1) throw new IllegalArgumentException("--fail-rate must be between 0 and 1");
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Sandbox sandbox;
            try {
                sandbox = Sandbox.start(options);
                sandbox.faults().latency(delay);
                sandbox.faults().failRate(failRate);
            } catch (Sandbox.CorruptStateException e) {
                throw new bkops.cli.CliException(bkops.ExitCode.USAGE, e.getMessage());
            } catch (java.io.IOException e) {
                throw new CommandLine.ExecutionException(spec.commandLine(), "cannot start the sandbox: " + e.getMessage(), e);
            }
            printBanner(spec.commandLine().getOut(), sandbox);
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sandbox.close();
                stop.countDown();
            }));
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void printBanner(PrintWriter out, Sandbox s) {
            String auth = "{\"bk_app_code\":\"" + SandboxCredentials.APP_CODE + "\",\"bk_app_secret\":\"" + SandboxCredentials.APP_SECRET
                    + "\",\"bk_username\":\"" + SandboxCredentials.USERNAME + "\"}";
            out.println("bkops sandbox listening on 127.0.0.1:" + s.port() + " (Ctrl-C to stop)");
            out.println();
            out.println("SOPS gateway:  " + s.sopsGatewayUrl());
            out.println("Job gateway:   " + s.jobGatewayUrl());
            out.println("ESB:           " + s.esbUrl() + "  (/api/c/compapi/v2/sops/<api>/, /api/c/compapi/v2/jobv3/<api>/)");
            out.println("Faults:        POST " + s.esbUrl() + "/_sandbox/faults  e.g. {\"add\":[{\"kind\":\"rate_limit\",\"times\":2}]}");
            out.println();
            out.println("Sandbox credentials (they guard nothing real):");
            out.println("  bk_app_code   " + SandboxCredentials.APP_CODE);
            out.println("  bk_app_secret " + SandboxCredentials.APP_SECRET);
            out.println("  bk_username   " + SandboxCredentials.USERNAME + "   (or bk_token " + SandboxCredentials.BK_TOKEN
                    + ", access_token " + SandboxCredentials.ACCESS_TOKEN + ")");
            out.println("  business      bk_biz_id " + SandboxCredentials.BIZ_ID + " (scope=project: project id " + SandboxCredentials.PROJECT_ID + ")");
            out.println();
            out.println("Try:");
            out.println("  curl -s -H 'X-Bkapi-Authorization: " + auth + "' " + s.sopsGatewayUrl() + "/get_template_list/2/");
            out.println();
            out.println("Environment for bkops:");
            out.println("  export BKOPS_SOPS_URL=" + s.sopsGatewayUrl());
            out.println("  export BKOPS_JOB_URL=" + s.jobGatewayUrl());
            out.println("  export BKOPS_BIZ=" + SandboxCredentials.BIZ_ID);
            out.println("  export BK_APP_CODE=" + SandboxCredentials.APP_CODE);
            out.println("  export BK_APP_SECRET=" + SandboxCredentials.APP_SECRET);
            out.println("  export BK_USERNAME=" + SandboxCredentials.USERNAME);
            out.flush();
        }
    }

    @Command(name = "reset", header = "Start the sandbox world over (tasks, periodic tasks and Job instances are deleted).",
            description = "Start the sandbox world over (tasks, periodic tasks and Job instances are deleted).")
    @GlobalUse(dryRun = GlobalUse.DryRun.PREVIEW)
    static final class Reset implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--state-dir", paramLabel = "DIR", description = "The state directory to reset (default: $XDG_STATE_HOME/bkops/sandbox).")
        Path stateDir;

        @Override
        public void run() {
            Path dir = stateDir != null ? stateDir : defaultStateDir(spec);
            if (spec.root().userObject() instanceof BkopsCommand root && root.global.dryRun) {
                spec.commandLine().getOut().println("dry run: would reset the sandbox in " + dir + " (its tasks, periodic "
                        + "tasks and Job instances deleted); nothing was changed");
                spec.commandLine().getOut().flush();
                return;
            }
            try {
                Sandbox.reset(dir);
            } catch (java.io.IOException e) {
                throw new CommandLine.ExecutionException(spec.commandLine(), "cannot reset " + dir + ": " + e.getMessage(), e);
            }
            spec.commandLine().getOut().println("sandbox reset: " + dir);
            spec.commandLine().getOut().flush();
        }
    }

    /** $XDG_STATE_HOME/bkops/sandbox of the run's environment (the sandbox is given its directory: config/XdgPaths). */
    static Path defaultStateDir(CommandSpec spec) {
        return XdgPaths.sandboxState(spec.root().userObject() instanceof BkopsCommand root ? root.context().env()
                : System.getenv());
    }

    /** "250ms", "2s", "1m" or an ISO-8601 duration such as "PT0.5S". */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt") || t.startsWith("p")) return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            if (t.endsWith("s")) return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            if (t.endsWith("m")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
            return Duration.ofMillis(Long.parseLong(t));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid duration '" + text + "' (use e.g. 200ms, 1s, PT0.5S)");
        }
    }
}
