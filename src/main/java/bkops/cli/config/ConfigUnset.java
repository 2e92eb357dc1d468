package bkops.cli.config;

import bkops.cli.GlobalUse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bkops config unset KEY}: removes a setting from the selected profile, so a lower source applies again. */
@Command(name = "unset", header = "Remove a setting from the selected profile (-p NAME, BKOPS_PROFILE or the current one).",
        description = "The environment or the built-in default then applies again. Any key name is accepted.")
@GlobalUse(dryRun = GlobalUse.DryRun.PREVIEW)
final class ConfigUnset extends ConfigSubcommand implements Runnable {
    // Any name is accepted, so a misspelt key that the file rejects can be removed too.
    @Parameters(index = "0", paramLabel = "KEY")
    String key;

    @Override
    public void run() {
        edit(file -> {
            String profile = profileToEdit(file);
            return file.unset(profile, key) ? messages().get("notice.cli.config.unset", key, profile, file.path())
                    : messages().get("notice.cli.config.unset.not-set", key, profile);
        });
    }
}
