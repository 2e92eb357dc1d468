package bkops.cli.periodic;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The `periodic` noun: its verbs are the subcommands. */
@Command(name = "periodic",
        subcommands = {},
        header = "Periodic tasks: list, show, create, enable, disable, change the cron or the constants.",
        description = "Periodic tasks: list, show, create, enable, disable, change the cron or the constants.")
public final class PeriodicCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "'bkops periodic' needs a verb; see 'bkops periodic --help'");
    }
}
