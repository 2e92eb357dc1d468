package bkops.cli.config;

import bkops.cli.CliException;
import bkops.cli.GlobalUse;
import bkops.config.Settings;
import bkops.i18n.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bkops config use PROFILE}: makes a profile the current one. */
@Command(name = "use", header = "Make PROFILE the current profile (written as current-profile in the config file).",
        description = "-p and BKOPS_PROFILE still take precedence over it for a single run.")
@GlobalUse(dryRun = GlobalUse.DryRun.PREVIEW)
final class ConfigUse extends ConfigSubcommand implements Runnable {
    @Parameters(index = "0", paramLabel = "PROFILE")
    String profile;

    @Override
    public void run() {
        edit(file -> {
            if (!profile.equals(Settings.SANDBOX_PROFILE) && !file.hasProfile(profile)) {
                throw CliException.usage(Text.of("errors.cli.config.no-such-profile", profile, file.path(),
                        String.join(", ", Settings.knownProfiles(file))));
            }
            file.setCurrentProfile(profile);
            return messages().get("notice.cli.config.use", profile);
        });
        String fromEnv = ctx().env(Settings.PROFILE_ENV);
        if (fromEnv != null && !fromEnv.equals(profile)) {
            ctx().err().println(messages().get("notice.cli.config.use.overridden", Settings.PROFILE_ENV, fromEnv));
        }
    }
}
