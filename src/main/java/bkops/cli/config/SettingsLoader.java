package bkops.cli.config;

import bkops.cli.BkopsCommand;
import bkops.config.Key;
import bkops.config.Settings;

import java.util.List;

/**
 * How a command gets its settings: resolved from the typed flags and the context's environment, warnings on stderr,
 * and the secrets in use handed to the output guard so that nothing printed from then on shows them.
 */
public final class SettingsLoader {
    private SettingsLoader() {}

    /** Call once per run: each call prints the file's warnings again. */
    public static Settings load(BkopsCommand root) {
        Settings settings = Settings.resolve(root.settingFlags(), root.context().env());
        for (Key secret : List.of(Key.APP_SECRET, Key.BK_TOKEN, Key.ACCESS_TOKEN)) {
            settings.value(secret).ifPresent(root::secret);
        }
        settings.warnings().forEach(w -> root.context().err().println("bkops: " + w));
        return settings;
    }
}
