package bkops.cli.config;

import bkops.cli.GlobalUse;
import bkops.config.Setting;
import bkops.config.Settings;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code bkops config view}: every effective setting, its value (secrets masked) and where it came from. */
@Command(name = "view", header = "Show every effective setting with its value and source; secrets are masked.",
        description = "Prints a table, or with -o json an object keyed by setting. Flags given here show as their source.")
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = true)
final class ConfigView extends ConfigSubcommand {
    @Override
    public void run() {
        Settings settings = SettingsLoader.load(root());
        boolean explicit = root().global.output != null;
        if (json(settings.output().orElse(null), explicit)) {
            printJson(asJson(settings));
        } else {
            printTable(settings.all());
        }
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

    private void printTable(List<Setting> settings) {
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
            ctx().out().println(line.append(row[3]));
        }
    }
}
