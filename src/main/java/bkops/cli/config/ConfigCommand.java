package bkops.cli.config;

import bkops.cli.BkopsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;

/** {@code bkops config ...}: the local profile file and the effective settings. */
@Command(name = "config",
        header = "Show and edit the configuration: profiles in $XDG_CONFIG_HOME/bkops/config and the effective settings.",
        description = {"Every setting comes from a flag, else the environment, else the selected profile, else a built-in",
                "default. The profile is -p NAME, else BKOPS_PROFILE, else current-profile in the file, else the",
                "built-in 'sandbox', which needs no file and talks to the embedded simulator."})
public final class ConfigCommand implements Runnable {
    /**
     * The verbs, in help's order. Not in {@code @Command(subcommands)}, where picocli would build every one of them for
     * each run: Cli registers only the one named on the command line when it can tell.
     */
    public static final List<Class<?>> VERBS = List.of(ConfigInit.class, ConfigView.class, ConfigSet.class,
            ConfigUnset.class, ConfigUse.class, ConfigProfiles.class);

    @ParentCommand
    BkopsCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw bkops.cli.Cli.needsVerb(spec, "view");
    }
}
