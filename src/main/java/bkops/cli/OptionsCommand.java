package bkops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParentCommand;

import java.util.List;

/**
 * `bkops options`: the global options, accepted before or after any command (as `kubectl options` lists them); every
 * other help screen shows a command's own options and points here.
 */
@Command(name = "options",
        header = "Print the global options, which every command accepts before or after its name.",
        footerHeading = "%nExamples:%n",
        footer = {"bkops options", "bkops -p prod -o json task list", "bkops task list -p prod -o json"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS)
public final class OptionsCommand implements Runnable {
    @ParentCommand
    BkopsCommand root;

    @Override
    public void run() {
        CommandSpec spec = root.spec;
        List<OptionSpec> globals = spec.options().stream().filter(o -> !o.hidden()).toList();
        // the global options' labels are long (--scope=cmdb_biz|project): a wider first column keeps each on its line
        spec.usageMessage().longOptionsMaxWidth(26);
        CommandLine.Help help = new CommandLine.Help(spec, spec.commandLine().getColorScheme());
        var out = root.context().out();
        out.println("Global options, accepted before or after any command:");
        out.print(help.optionListExcludingGroups(globals, help.createDefaultLayout(), null,
                help.createDefaultParamLabelRenderer()));
        out.flush();
    }
}
