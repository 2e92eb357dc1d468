package bkops.cli.step;

import bkops.cli.BkopsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The `step` noun: its verbs are the subcommands. */
@Command(name = "step",
        subcommands = {StepOperate.class},
        header = "Job steps: operate a step of a job instance (retry failed hosts, ignore error, confirm...).",
        description = "Job steps: operate a step of a job instance (retry failed hosts, ignore error, confirm...).")
public final class StepCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @ParentCommand
    BkopsCommand root;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "'bkops step' needs a verb; see 'bkops step --help'");
    }
}
