package bkops.cli.job;

import bkops.cli.BkopsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The `job` noun: its verbs are the subcommands. */
@Command(name = "job",
        subcommands = {JobStatus.class, JobLog.class},
        header = "Job instances: status of the steps and hosts, and the logs of a step.",
        description = "Job instances: status of the steps and hosts, and the logs of a step.")
public final class JobCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @ParentCommand
    BkopsCommand root;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "'bkops job' needs a verb; see 'bkops job --help'");
    }
}
