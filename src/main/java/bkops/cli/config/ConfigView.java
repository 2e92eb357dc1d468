package bkops.cli.config;

import bkops.api.Json;
import bkops.cli.GlobalUse;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.config.Setting;
import bkops.config.Settings;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
                .show((out, f, style) -> printTable(settings.all(), out));
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

    private static void printTable(List<Setting> settings, java.io.PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"KEY", "VALUE", "SOURCE", "ORIGIN"});
        for (Setting s : settings) {
            rows.add(new String[] {s.key(), s.isSet() ? s.displayValue() : "-", s.source().label(), s.origin()});
        }
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
            }
            out.println(line.append(row[3]));
        }
    }
}
