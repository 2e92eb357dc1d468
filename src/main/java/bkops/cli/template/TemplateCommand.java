package bkops.cli.template;

import bkops.cli.BkopsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The `template` noun: its verbs are the subcommands. */
@Command(name = "template",
        subcommands = {TemplateList.class, TemplateShow.class, TemplateGraph.class},
        header = "Flow templates: list them, show one with its constants and pipeline, draw its graph.",
        description = "Flow templates: list them, show one with its constants and pipeline, draw its graph.")
public final class TemplateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @ParentCommand
    BkopsCommand root;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "'bkops template' needs a verb; see 'bkops template --help'");
    }
}
