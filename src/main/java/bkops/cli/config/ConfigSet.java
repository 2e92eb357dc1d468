package bkops.cli.config;

import bkops.cli.CliException;
import bkops.cli.GlobalUse;
import bkops.config.Key;
import bkops.config.Secret;
import bkops.i18n.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** {@code bkops config set KEY VALUE}: writes one setting into the selected profile; secrets only from stdin. */
@Command(name = "set", header = "Set a setting in the selected profile (-p NAME, BKOPS_PROFILE or the current one).",
        description = "Checks the value first; the profile is created when it does not exist yet.",
        footerHeading = "%nSecrets:%n",
        footer = {"app-secret, bk-token and access-token are never arguments: give '-' and type or pipe the value on "
                + "stdin, e.g. 'bkops config set app-secret - < secret.txt'."})
@GlobalUse(dryRun = GlobalUse.DryRun.PREVIEW)
final class ConfigSet extends ConfigSubcommand implements Runnable {
    @Parameters(index = "0", paramLabel = "KEY", description = "One of: ${COMPLETION-CANDIDATES}", completionCandidates = KeyIds.class)
    String key;

    @Parameters(index = "1", paramLabel = "VALUE", description = "The value; '-' reads a secret from stdin.")
    String value;

    @Override
    public void run() {
        Key k = Key.byId(key).orElseThrow(() -> CliException.usage(
                Text.of("errors.cli.config.unknown-setting", key, String.join(", ", Key.ids()))));
        String v;
        if (k.secret()) {
            if (!value.equals("-")) {
                throw CliException.usage(Text.of("errors.cli.config.secret-argument", key));
            }
            v = k.check(readSecretFromStdin(key), "stdin");
        } else {
            v = k.check(value, "the command line");
        }
        if (k == Key.APP_SECRET_FILE || k == Key.CA_CERT) {
            v = Path.of(v).toAbsolutePath().normalize().toString();
        }
        String value = v;
        edit(file -> {
            String profile = profileToEdit(file);
            file.set(profile, k.id(), value);
            // The secret and its file are alternatives: keep only the one just given.
            if (k == Key.APP_SECRET) {
                file.unset(profile, Key.APP_SECRET_FILE.id());
            } else if (k == Key.APP_SECRET_FILE) {
                file.unset(profile, Key.APP_SECRET.id());
            }
            return messages().get("notice.cli.config.set", k.id(), k.secret() ? Secret.mask(value) : value, profile,
                    file.path());
        });
    }

    /** The setting names, for help and shell completion. */
    static final class KeyIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Key.ids().iterator();
        }
    }
}
