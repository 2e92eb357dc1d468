package bkops.cli.config;

import bkops.cli.BkopsCommand;
import bkops.config.Settings;

/** How a command gets its settings: resolved from the typed flags and the context's environment, warnings on stderr. */
public final class SettingsLoader {
    private SettingsLoader() {}

    /** Call once per run: each call prints the file's warnings again. */
    public static Settings load(BkopsCommand root) {
        Settings settings = Settings.resolve(root.global.settingFlags(), root.context().env());
        settings.warnings().forEach(w -> root.context().err().println("bkops: " + w));
        return settings;
    }
}
