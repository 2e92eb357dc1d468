package bkops.cli.template;

import bkops.cli.BkopsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;

/** The `template` noun: its verbs are the subcommands. */
@Command(name = "template",
        header = "Flow templates: list them, show one with its constants and pipeline, its execution schemes, draw its graph.",
        description = "Flow templates: list them, show one with its constants and pipeline, its execution schemes, draw its graph.")
public final class TemplateCommand implements Runnable {
    /**
     * The verbs, in help's order. Not in {@code @Command(subcommands)}, where picocli would build every one of them for
     * each run: Cli registers only the one named on the command line when it can tell.
     */
    public static final List<Class<?>> VERBS = List.of(TemplateList.class, TemplateShow.class, TemplateSchemes.class, TemplateGraph.class);

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
