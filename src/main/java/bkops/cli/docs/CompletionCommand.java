package bkops.cli.docs;

import bkops.cli.BkopsCommand;
import bkops.cli.GlobalUse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** `bkops completion bash|zsh`: the same scripts as completions/, generated from this build's commands. */
@Command(name = "completion",
        header = "Print the shell completion script for bash or zsh.",
        description = {"Prints a completion script generated from this version's commands. Live template, task and",
                "periodic ids are completed from a small cache refreshed in the background."},
        footerHeading = "%nExamples:%n",
        footer = {"source <(bkops completion bash)",
                "bkops completion zsh > ~/.local/share/zsh/site-functions/_bkops"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS)
public final class CompletionCommand implements Runnable {
    enum Shell { bash, zsh }

    @ParentCommand
    BkopsCommand root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public void run() {
        CommandLine top = spec.root().commandLine();
        root.context().out().print(shell == Shell.bash ? Completions.bash(top) : Completions.zsh(top));
        root.context().out().flush();
    }
}
