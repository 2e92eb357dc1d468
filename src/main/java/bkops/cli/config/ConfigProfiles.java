package bkops.cli.config;

import bkops.api.Json;
import bkops.cli.GlobalUse;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.config.ProfileFile;
import bkops.config.Settings;
import bkops.render.SettingsView;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bkops config profiles}: the profiles in the file and the built-in one, the one in effect marked. */
@Command(name = "profiles", header = "List the profiles; '*' marks the one in effect.",
        description = "The profiles in the config file and the built-in 'sandbox'; -o json gives name, current, builtIn.")
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON})
final class ConfigProfiles extends ConfigSubcommand implements Callable<Result> {
    @Override
    public Result call() {
        // the file's permission warning is said once, with the settings Output resolves to choose the format
        ProfileFile file = ProfileFile.load(ProfileFile.location(ctx().env()));
        String current = Settings.selectProfile(root().global.settingFlags(), ctx().env(), file).value();
        List<String> names = Settings.knownProfiles(file);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("current", name.equals(current));
            row.put("builtIn", name.equals(Settings.SANDBOX_PROFILE));
            rows.add(row);
        }
        return Result.of(Json.mapper().valueToTree(rows))
                .show((out, f, style) -> SettingsView.profiles(names, current, Settings.SANDBOX_PROFILE, style, out));
    }
}
