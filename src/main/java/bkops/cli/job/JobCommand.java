package bkops.cli.job;

import bkops.cli.BkopsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;

/** The `job` noun: its verbs are the subcommands. */
@Command(name = "job",
        header = "Job instances: the history, status of the steps and hosts, and the logs of a step.",
        description = "Job instances: the history, status of the steps and hosts, and the logs of a step.")
public final class JobCommand implements Runnable {
    /**
     * The verbs, in help's order. Not in {@code @Command(subcommands)}, where picocli would build every one of them for
     * each run: Cli registers only the one named on the command line when it can tell.
     */
    public static final List<Class<?>> VERBS = List.of(JobList.class, JobStatus.class, JobLog.class);

    @Spec
    CommandSpec spec;

    @ParentCommand
    BkopsCommand root;

    @Override
    public void run() {
        throw bkops.cli.Cli.needsVerb(spec, "status");
    }
}
