package bkops.cli.config;

import bkops.cli.BkopsCommand;
import bkops.cli.CliContext;
import bkops.cli.CliException;
import bkops.config.ProfileFile;
import bkops.config.Settings;
import bkops.config.Source;
import bkops.i18n.Text;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** What the config commands share: the run's context, the profile file, the profile to edit, JSON and stdin. */
abstract class ConfigSubcommand {
    @ParentCommand
    ConfigCommand parent;

    private BufferedReader stdin;

    /** The run's language, for what the edits say. */
    bkops.i18n.Messages messages() {
        return root().messages();
    }

    BkopsCommand root() {
        return parent.root;
    }

    CliContext ctx() {
        return root().context();
    }

    /** The profile file, with its permission warning (if any) on stderr. */
    ProfileFile loadFile() {
        ProfileFile file = ProfileFile.load(ProfileFile.location(ctx().env()));
        file.permissionWarning().ifPresent(w -> ctx().err().println("bkops: " + w));
        return file;
    }

    /**
     * Applies an edit to the profile file and says what it did (the edit's returned line, on stderr). The file is
     * locked from reading to writing, so parallel edits in other processes are all kept; with --dry-run the edit is
     * made on a copy and nothing is written.
     */
    void edit(Function<ProfileFile, String> change) {
        if (root().global.dryRun) {
            String said = change.apply(loadFile());
            ctx().err().println(messages().get("notice.cli.config.dry-run", said));
            return;
        }
        String said = ProfileFile.update(ProfileFile.location(ctx().env()), file -> {
            file.permissionWarning().ifPresent(w -> ctx().err().println("bkops: " + w));
            return change.apply(file);
        });
        ctx().err().println(said);
    }

    /** The profile an edit applies to: -p, BKOPS_PROFILE or current-profile; never silently the built-in one. */
    String profileToEdit(ProfileFile file) {
        var selected = Settings.selectProfile(root().global.settingFlags(), ctx().env(), file);
        if (selected.source() == Source.DEFAULT) {
            throw CliException.usage(Text.of("errors.cli.config.no-profile-selected"));
        }
        return selected.value();
    }

    /** The next line of stdin, or null at its end; one reader for the whole command so no input is lost. */
    String readLine() {
        try {
            if (stdin == null) {
                stdin = new BufferedReader(new InputStreamReader(ctx().in(), StandardCharsets.UTF_8));
            }
            return stdin.readLine();
        } catch (IOException e) {
            throw CliException.usage(Text.of("errors.cli.config.stdin", e.getMessage()));
        }
    }

    /** A secret from stdin: its first line, trimmed; {@code what} names it (a setting, or a Text). */
    String readSecretFromStdin(Object what) {
        String line = readLine();
        if (line == null || line.isBlank()) {
            throw CliException.usage(Text.of("errors.cli.config.stdin-empty", what));
        }
        return line.trim();
    }
}
