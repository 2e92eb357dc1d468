package bkops.cli.plugin;

import bkops.cli.GlobalUse;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.model.Plugin;
import bkops.render.ConsoleViews;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "list",
        header = "List the plugins the business may use: code, name, version, group.",
        description = {"get_plugin_list. Each version of a plugin is a row of its own (the oldest versions are "
                + "'legacy'). -o wide adds the number of inputs and outputs and the description; -o json prints the "
                + "API's data, with each version's inputs, outputs and form."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops plugin list", "bkops plugin list -o wide", "bkops plugin list -o json | jq '.[] | select(.code == \"job_execute_task\")'"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON, OutputFormat.JSONL, OutputFormat.YAML})
public final class PluginList implements Callable<Result> {
    @ParentCommand
    PluginCommand parent;

    @Override
    public Result call() {
        JsonNode data = parent.root.session().sops().pluginList();
        List<Plugin> plugins = Plugin.parseList(data);
        if (plugins.isEmpty()) {
            return Result.of(data).note("no plugins");
        }
        return Result.of(data).show((out, f, style) -> ConsoleViews.plugins(plugins, f == OutputFormat.WIDE, style, out))
                .note(plugins.size() + " plugin versions");
    }
}
