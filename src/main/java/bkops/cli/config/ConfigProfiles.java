package bkops.cli.config;

import bkops.cli.GlobalUse;
import bkops.config.ProfileFile;
import bkops.config.Settings;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code bkops config profiles}: the profiles in the file and the built-in one, the one in effect marked. */
@Command(name = "profiles", header = "List the profiles; '*' marks the one in effect.",
        description = "The profiles in the config file and the built-in 'sandbox'; -o json gives name, current, builtIn.")
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = true)
final class ConfigProfiles extends ConfigSubcommand {
    @Override
    public void run() {
        ProfileFile file = loadFile();
        String current = Settings.selectProfile(root().global.settingFlags(), ctx().env(), file).value();
        List<String> names = Settings.knownProfiles(file);
        String format = root().global.output != null ? root().global.output : ctx().env("BKOPS_OUTPUT");
        if (json(format, root().global.output != null)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String name : names) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", name);
                row.put("current", name.equals(current));
                row.put("builtIn", name.equals(Settings.SANDBOX_PROFILE));
                rows.add(row);
            }
            printJson(rows);
            return;
        }
        for (String name : names) {
            String builtIn = name.equals(Settings.SANDBOX_PROFILE) ? "  (built-in)" : "";
            ctx().out().println((name.equals(current) ? "* " : "  ") + name + builtIn);
        }
    }
}
