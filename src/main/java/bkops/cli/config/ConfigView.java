package bkops.cli.config;

import bkops.api.Json;
import bkops.cli.GlobalUse;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.config.Setting;
import bkops.config.Settings;
import bkops.render.SettingsView;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bkops config view}: every effective setting, its value (secrets masked) and where it came from. */
@Command(name = "view", header = "Show every effective setting with its value and source; secrets are masked.",
        description = "Prints a table, or with -o json an object keyed by setting. Flags given here show as their source.")
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON})
final class ConfigView extends ConfigSubcommand implements Callable<Result> {
    @Override
    public Result call() {
        Settings settings = root().session().settings(); // its warnings said once
        return Result.of(Json.mapper().valueToTree(asJson(settings)))
                .show((out, f, style) -> SettingsView.table(settings.all(), style, out));
    }

    private static Map<String, Object> asJson(Settings settings) {
        Map<String, Object> byKey = new LinkedHashMap<>();
        for (Setting s : settings.all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("value", s.displayValue());
            row.put("source", s.source().label());
            row.put("origin", s.origin());
            byKey.put(s.key(), row);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("configFile", settings.configFile().toString());
        doc.put("embeddedSandbox", settings.embeddedSandbox());
        doc.put("settings", byKey);
        return doc;
    }
}
