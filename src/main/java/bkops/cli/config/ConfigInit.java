package bkops.cli.config;

import bkops.cli.CliException;
import bkops.cli.GlobalOptions;
import bkops.cli.GlobalUse;
import bkops.config.ConfigException;
import bkops.config.Key;
import bkops.config.ProfileFile;
import bkops.config.Settings;
import bkops.i18n.Text;
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

    /** @param question the prompt's key (notice.cli.config.ask.*) */
    private record Field(Key key, String given, boolean required, String question) {}

    @Override
    public void run() {
        GlobalOptions g = root().global;
        String profile = g.profile != null ? g.profile : DEFAULT_PROFILE;
        if (profile.equals(Settings.SANDBOX_PROFILE)) {
            throw CliException.usage(Text.of("errors.cli.config.init-sandbox"));
        }
        ProfileFile.checkProfileName(profile);
        if (appSecretStdin && g.appSecretFile != null) {
            throw CliException.usage(Text.of("errors.cli.config.secret-one-way"));
        }
        // the current values are the defaults to ask with; the write below re-reads the file under its lock
        Map<String, String> existing = ProfileFile.load(ProfileFile.location(ctx().env())).profile(profile);
        boolean ask = ctx().stdinIsTerminal() && !appSecretStdin;

        Map<Key, String> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Field f : List.of(
                new Field(Key.SOPS_URL, g.sopsUrl, true, "notice.cli.config.ask.sops-url"),
                new Field(Key.JOB_URL, g.jobUrl, false, "notice.cli.config.ask.job-url"),
                new Field(Key.GATEWAY, g.gateway, false, "notice.cli.config.ask.gateway"),
                new Field(Key.BIZ, g.biz, true, "notice.cli.config.ask.biz"),
                new Field(Key.APP_CODE, g.appCode, true, "notice.cli.config.ask.app-code"),
                new Field(Key.USERNAME, g.username, false, "notice.cli.config.ask.username"))) {
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
        if (!missing.isEmpty() || secret == null) {
            // the flags are typed as they are; the secret's words are said in the run's language
            String flags = String.join(", ", missing);
            Object needs = secret != null ? flags : missing.isEmpty() ? Text.of("errors.cli.config.init.secret")
                    : Text.of("errors.cli.config.init.and-secret", flags);
            throw CliException.usage(Text.of(ask ? "errors.cli.config.init.needs"
                    : appSecretStdin ? "errors.cli.config.init.needs.stdin-secret"
                    : "errors.cli.config.init.needs.no-terminal", needs));
        }
        values.put(secret.getKey(), secret.getValue());

        // what was asked is written into the file as it is now (another process may have changed other profiles)
        edit(now -> {
            values.forEach((k, v) -> now.set(profile, k.id(), v));
            now.unset(profile, (secret.getKey() == Key.APP_SECRET ? Key.APP_SECRET_FILE : Key.APP_SECRET).id());
            now.setCurrentProfile(profile);
            return messages().get("notice.cli.config.init", profile, now.path());
        });
    }

    private String askFor(Field f, String current) {
        while (true) {
            ctx().err().print(current != null ? messages().get("notice.cli.config.ask.current", messages().get(f.question()), current)
                    : messages().get("notice.cli.config.ask", messages().get(f.question())));
            ctx().err().flush();
            String line = readLine();
            if (line == null) {
                throw CliException.usage(Text.of("errors.cli.config.init.ended", f.key().id()));
            }
            if (line.isBlank()) {
                return current;
            }
            try {
                return f.key().check(line, "your answer");
            } catch (ConfigException e) {
                Object said = CliException.said(e);
                ctx().err().println(said instanceof Text t ? t.in(messages()) : said);
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
            return Map.entry(Key.APP_SECRET, readSecretFromStdin(Text.of("errors.cli.config.app-secret")));
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
        String keep = kept ? messages().get("notice.cli.config.ask.secret.kept") : "";
        Console console = System.console();
        String typed;
        if (console != null && ctx().in() == System.in) {
            char[] chars = console.readPassword("%s", messages().get("notice.cli.config.ask.secret.no-echo", keep));
            typed = chars == null ? null : new String(chars);
        } else {
            ctx().err().print(messages().get("notice.cli.config.ask.secret.echo", keep));
            ctx().err().flush();
            typed = readLine();
        }
        return typed == null || typed.isBlank() ? null : typed.trim();
    }
}
