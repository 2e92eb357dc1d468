package bkops.cli.config;

import bkops.cli.CliException;
import bkops.cli.GlobalOptions;
import bkops.cli.GlobalUse;
import bkops.config.ConfigException;
import bkops.config.Key;
import bkops.config.ProfileFile;
import bkops.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.Console;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bkops config init}: writes a profile from the global flags (-p, --sops-url, --job-url, --gateway, --biz,
 * --app-code, --username, --app-secret-file), asking on a terminal for what is missing, and makes it current.
 */
@Command(name = "init",
        header = "Create or update a profile and make it the current one.",
        description = {
                "Takes -p NAME (default 'default'), --sops-url, --job-url, --gateway, -b/--biz, --app-code and --username;",
                "on a terminal it asks for whatever is missing. The app secret is never a flag: it comes from",
                "--app-secret-file (the profile keeps the path), --app-secret-stdin, $BK_APP_SECRET, or a prompt",
                "that does not echo."})
@GlobalUse(dryRun = GlobalUse.DryRun.PREVIEW)
final class ConfigInit extends ConfigSubcommand implements Runnable {
    static final String DEFAULT_PROFILE = "default";

    @Option(names = "--app-secret-stdin", description = "Read the app secret from the first line of stdin.")
    boolean appSecretStdin;

    private record Field(Key key, String given, boolean required, String question) {}

    @Override
    public void run() {
        GlobalOptions g = root().global;
        String profile = g.profile != null ? g.profile : DEFAULT_PROFILE;
        if (profile.equals(Settings.SANDBOX_PROFILE)) {
            throw CliException.usage("the profile 'sandbox' is built in and needs no init; choose another name with -p");
        }
        ProfileFile.checkProfileName(profile);
        if (appSecretStdin && g.appSecretFile != null) {
            throw CliException.usage("give the app secret one way: --app-secret-file or --app-secret-stdin");
        }
        // the current values are the defaults to ask with; the write below re-reads the file under its lock
        Map<String, String> existing = ProfileFile.load(ProfileFile.location(ctx().env())).profile(profile);
        boolean ask = ctx().stdinIsTerminal() && !appSecretStdin;

        Map<Key, String> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Field f : List.of(
                new Field(Key.SOPS_URL, g.sopsUrl, true, "Standard OPS URL (gateway or ESB host)"),
                new Field(Key.JOB_URL, g.jobUrl, false, "Job URL (empty: none)"),
                new Field(Key.GATEWAY, g.gateway, false, "Front door, apigw or esb"),
                new Field(Key.BIZ, g.biz, true, "Business id"),
                new Field(Key.APP_CODE, g.appCode, true, "App code"),
                new Field(Key.USERNAME, g.username, false, "User name (empty: none)"))) {
            String current = existing.getOrDefault(f.key().id(), f.key().defaultValue());
            String v = f.given() != null ? f.key().check(f.given(), f.key().flag())
                    : ask ? askFor(f, current) : current;
            if (v != null) {
                values.put(f.key(), v);
            } else if (f.required()) {
                missing.add(f.key().flag());
            }
        }
        Map.Entry<Key, String> secret = appSecret(g, existing, ask);
        if (secret == null) {
            missing.add("an app secret (--app-secret-file, --app-secret-stdin or $BK_APP_SECRET)");
        }
        if (!missing.isEmpty()) {
            throw CliException.usage("config init needs " + String.join(", ", missing)
                    + (ask ? "" : appSecretStdin ? " (not asked: stdin carries the secret)"
                    : " (not asked: stdin is not a terminal)"));
        }
        values.put(secret.getKey(), secret.getValue());

        // what was asked is written into the file as it is now (another process may have changed other profiles)
        edit(now -> {
            values.forEach((k, v) -> now.set(profile, k.id(), v));
            now.unset(profile, (secret.getKey() == Key.APP_SECRET ? Key.APP_SECRET_FILE : Key.APP_SECRET).id());
            now.setCurrentProfile(profile);
            return "wrote profile '" + profile + "' to " + now.path() + "; it is now the current profile";
        });
    }

    private String askFor(Field f, String current) {
        while (true) {
            ctx().err().print(f.question() + (current != null ? " [" + current + "]" : "") + ": ");
            ctx().err().flush();
            String line = readLine();
            if (line == null) {
                throw CliException.usage("config init: input ended before " + f.key().id() + " was given");
            }
            if (line.isBlank()) {
                return current;
            }
            try {
                return f.key().check(line, "your answer");
            } catch (ConfigException e) {
                ctx().err().println(e.getMessage());
            }
        }
    }

    /** Which secret to store: (APP_SECRET_FILE, path) or (APP_SECRET, value); null when there is none. */
    private Map.Entry<Key, String> appSecret(GlobalOptions g, Map<String, String> existing, boolean ask) {
        if (g.appSecretFile != null) {
            Path p = Path.of(g.appSecretFile).toAbsolutePath().normalize();
            Settings.readSecretFile(p, "--app-secret-file");
            return Map.entry(Key.APP_SECRET_FILE, p.toString());
        }
        if (appSecretStdin) {
            return Map.entry(Key.APP_SECRET, readSecretFromStdin("app secret"));
        }
        String fromEnv = ctx().env(Key.APP_SECRET.envVar());
        if (fromEnv != null) {
            return Map.entry(Key.APP_SECRET, fromEnv.trim());
        }
        boolean kept = existing.containsKey(Key.APP_SECRET.id()) || existing.containsKey(Key.APP_SECRET_FILE.id());
        if (ask) {
            String typed = askSecret(kept);
            if (typed != null) {
                return Map.entry(Key.APP_SECRET, typed);
            }
        }
        if (existing.containsKey(Key.APP_SECRET_FILE.id())) {
            return Map.entry(Key.APP_SECRET_FILE, existing.get(Key.APP_SECRET_FILE.id()));
        }
        return existing.containsKey(Key.APP_SECRET.id()) ? Map.entry(Key.APP_SECRET, existing.get(Key.APP_SECRET.id())) : null;
    }

    /** Reads the secret without echo when our stdin is the process's console; null keeps the stored one. */
    private String askSecret(boolean kept) {
        String keep = kept ? " (empty keeps the stored one)" : "";
        Console console = System.console();
        String typed;
        if (console != null && ctx().in() == System.in) {
            char[] chars = console.readPassword("%s", "App secret, not echoed" + keep + ": ");
            typed = chars == null ? null : new String(chars);
        } else {
            ctx().err().print("App secret" + keep + ": ");
            ctx().err().flush();
            typed = readLine();
        }
        return typed == null || typed.isBlank() ? null : typed.trim();
    }
}
