package bkops.cli.step;

import bkops.cli.BkopsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;

/** The `step` noun: its verbs are the subcommands. */
@Command(name = "step",
        header = "Job steps: operate a step of a job instance (retry failed hosts, ignore error, confirm...).",
        description = "Job steps: operate a step of a job instance (retry failed hosts, ignore error, confirm...).")
public final class StepCommand implements Runnable {
    /**
     * The verbs, in help's order. Not in {@code @Command(subcommands)}, where picocli would build every one of them for
     * each run: Cli registers only the one named on the command line when it can tell.
     */
    public static final List<Class<?>> VERBS = List.of(StepOperate.class);

    @Spec
    CommandSpec spec;

    @ParentCommand
    BkopsCommand root;

    @Override
    public void run() {
        throw bkops.cli.Cli.needsVerb(spec, "operate");
    }
}
