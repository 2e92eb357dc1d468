package bkops.cli;

import bkops.ExitCode;
import bkops.daemon.DaemonClient;
import bkops.daemon.DaemonFile;
import bkops.i18n.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** `bkops daemon start|stop|status`: the opt-in resident JVM that bin/bkops uses when BKOPS_DAEMON=1. */
@Command(name = "daemon",
        header = "Start, stop or inspect the resident JVM that makes bkops start fast (opt-in).",
        description = {"With BKOPS_DAEMON=1, bin/bkops hands each command to a resident bkops JVM over a loopback socket "
                + "(authenticated by a random token in a 0600 file under $XDG_RUNTIME_DIR/bkops or ~/.cache/bkops) and "
                + "starts one in the background when none is running. The daemon exits after "
                + "BKOPS_DAEMON_IDLE_MINUTES (default 15) idle, when the jar changes, or on 'bkops daemon stop'.",
                "Commands that take files by relative path from another directory, interactive commands, and the config, "
                + "sandbox and daemon commands always run in their own JVM. Commands on the built-in profile (-p sandbox) "
                + "are served, from one sandbox per state directory that the daemon keeps running."},
        footerHeading = "%nExamples:%n",
        footer = {"export BKOPS_DAEMON=1", "bkops daemon start", "bkops daemon status", "bkops daemon stop"})
public final class DaemonCommand implements Runnable {
    /**
     * The verbs, in help's order. Not in {@code @Command(subcommands)}, where picocli would build every one of them for
     * each run: Cli registers only the one named on the command line when it can tell.
     */
    public static final List<Class<?>> VERBS = List.of(DaemonCommand.Start.class, DaemonCommand.Stop.class,
            DaemonCommand.Status.class);

    @ParentCommand
    BkopsCommand root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw Cli.needsVerb(spec, "status");
    }

    Path daemonFile() {
        return DaemonFile.location(root.context().env());
    }

    @Command(name = "start", header = "Start the daemon in the background unless one is running.",
            footerHeading = "%nExamples:%n", footer = {"bkops daemon start"})
    @GlobalUse(dryRun = GlobalUse.DryRun.REFUSED)
    static final class Start implements Callable<Integer> {
        @ParentCommand
        DaemonCommand daemon;

        @Override
        public Integer call() throws IOException, InterruptedException {
            CliContext ctx = daemon.root.context();
            Path file = daemon.daemonFile();
            Optional<Map<String, String>> running = DaemonClient.status(file);
            if (running.isEmpty()) {
                spawn(file);
                for (int i = 0; i < 100 && running.isEmpty(); i++) {
                    ctx.sleeper().sleep(Duration.ofMillis(100));
                    running = DaemonClient.status(file);
                }
                if (running.isEmpty()) {
                    throw new CliException(ExitCode.INTERNAL, Text.of("errors.cli.daemon.not-up", log(file)));
                }
            }
            ctx.err().println("bkops daemon: pid " + running.get().get("pid") + " on 127.0.0.1:"
                    + running.get().get("port"));
            return ExitCode.OK.code();
        }

        private static void spawn(Path file) throws IOException {
            Path jar;
            try {
                jar = Path.of(DaemonCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException e) {
                throw new CliException(ExitCode.INTERNAL, Text.of("errors.cli.daemon.no-jar", e.getMessage()));
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> cmd = new ArrayList<>();
            // setsid: a hang-up of the terminal that started it must not end the daemon.
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                cmd.add("/usr/bin/setsid");
            }
            // The heap as bin/bkops gives it (see there): room for the largest answer the transport takes.
            cmd.addAll(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss1m", "-Xms16m", "-Xmx384m",
                    "--add-opens", "java.net.http/jdk.internal.net.http=ALL-UNNAMED",
                    "-cp", jar.toString(), "bkops.DaemonMain"));
            Files.createDirectories(file.getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log(file).toFile()))
                    .redirectErrorStream(true);
            // Credentials reach the daemon per request; its own environment need not hold them.
            pb.environment().keySet().removeIf(k -> k.startsWith("BK_"));
            pb.start();
        }
    }

    static Path log(Path daemonFile) {
        return daemonFile.resolveSibling("daemon.log");
    }

    @Command(name = "stop", header = "Stop the running daemon, if any.",
            footerHeading = "%nExamples:%n", footer = {"bkops daemon stop"})
    @GlobalUse(dryRun = GlobalUse.DryRun.REFUSED)
    static final class Stop implements Callable<Integer> {
        @ParentCommand
        DaemonCommand daemon;

        @Override
        public Integer call() {
            PrintWriter err = daemon.root.context().err();
            err.println(DaemonClient.stop(daemon.daemonFile()) ? "bkops daemon: stopped" : "bkops daemon: none running");
            return ExitCode.OK.code();
        }
    }

    @Command(name = "status", header = "Show the daemon's pid, port, uptime and commands served; exit 5 when none runs.",
            footerHeading = "%nExamples:%n", footer = {"bkops daemon status"})
    @GlobalUse(dryRun = GlobalUse.DryRun.READS)
    static final class Status implements Callable<Integer> {
        @ParentCommand
        DaemonCommand daemon;

        @Override
        public Integer call() {
            Map<String, String> s = DaemonClient.status(daemon.daemonFile())
                    .orElseThrow(() -> CliException.notFound(Text.of("errors.cli.daemon.not-running")));
            PrintWriter out = daemon.root.context().out();
            out.println("pid      " + s.get("pid"));
            out.println("port     " + s.get("port"));
            out.println("uptime   " + Duration.ofSeconds(Long.parseLong(s.get("uptime_seconds"))).toString()
                    .substring(2).toLowerCase());
            out.println("served   " + s.get("served") + " commands (" + s.get("running") + " running)");
            out.println("idle     exits after " + s.get("idle_limit_minutes") + " min idle");
            return ExitCode.OK.code();
        }
    }
}
