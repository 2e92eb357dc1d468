package bkops.config;

import bkops.i18n.Text;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved configuration of one run: for every key the effective value and where it came from,
 * by the contract's precedence flag > environment > selected profile > built-in default.
 * Values are checked when resolved, so a bad value fails early and names its origin.
 */
public final class Settings {
    /** The built-in profile: no file needed, talks to the embedded simulator. */
    public static final String SANDBOX_PROFILE = "sandbox";
    public static final String PROFILE_ENV = "BKOPS_PROFILE";
    /** The key of the profile selection in {@code GlobalOptions.settingFlags()} and in {@link #all()}. */
    public static final String PROFILE_KEY = "profile";

    // Same values as bkops.sandbox.SandboxCredentials and the simulator's seeded world; duplicated because config must
    // not import the sandbox. Change both together.
    static final Map<Key, String> SANDBOX_DEFAULTS = Map.of(
            Key.BIZ, "2",
            Key.SCOPE, "cmdb_biz",
            Key.APP_CODE, "bkops-sandbox",
            Key.APP_SECRET, "sandbox-secret-0000",
            Key.USERNAME, "admin");

    private final Setting profile;
    private final Path file;
    private final Map<Key, Setting> values;
    private final List<String> warnings;

    private Settings(Setting profile, Path file, Map<Key, Setting> values, List<String> warnings) {
        this.profile = profile;
        this.file = file;
        this.values = values;
        this.warnings = warnings;
    }

    /**
     * @param flags the typed flags by setting key ({@code GlobalOptions.settingFlags()}), plus {@code profile} for -p
     * @param env   the process environment, or a test's map
     */
    public static Settings resolve(Map<String, String> flags, Map<String, String> env) {
        Path path = ProfileFile.location(env);
        ProfileFile file = ProfileFile.load(path);
        List<String> warnings = new ArrayList<>();
        file.permissionWarning().ifPresent(warnings::add);

        Setting profile = selectProfile(flags, env, file);
        boolean sandboxProfile = profile.value().equals(SANDBOX_PROFILE);
        if (!sandboxProfile && !file.hasProfile(profile.value())) {
            throw new ConfigException(Text.of("errors.config.no-profile", profile.value(), profile.origin(), file.path(),
                    String.join(", ", knownProfiles(file))));
        }
        Map<String, String> section = file.profile(profile.value());
        // The sandbox's own credentials fill in only when the sandbox is the target: chosen by name, or the default
        // selection with no URL given. A bare BKOPS_SOPS_URL must not borrow them and talk to a real server with them.
        boolean urlGiven = present(flags.get(Key.SOPS_URL.id())) || present(env.get(Key.SOPS_URL.envVar()))
                || present(section.get(Key.SOPS_URL.id()));
        boolean builtIn = sandboxProfile && (profile.source() != Source.DEFAULT || !urlGiven);
        String profileOrigin = "profile " + profile.value() + " in " + path;

        Map<Key, Setting> values = new LinkedHashMap<>();
        for (Key key : Key.values()) {
            Setting setting = resolveKey(key, flags, env, section, profileOrigin, builtIn);
            if ((key == Key.CA_CERT || key == Key.APP_SECRET_FILE) && setting.isSet()) {
                setting = new Setting(setting.key(), expandHome(setting.value(), env).toString(), setting.source(),
                        setting.origin());
            }
            values.put(key, setting);
        }
        for (String unknown : section.keySet()) {
            if (Key.byId(unknown).isEmpty()) {
                throw new ConfigException(Text.of("errors.config.unknown-setting", unknown, profileOrigin,
                        String.join(", ", Key.ids())));
            }
        }
        values.put(Key.APP_SECRET, appSecret(values.get(Key.APP_SECRET), values.get(Key.APP_SECRET_FILE)));
        if (builtIn && !values.get(Key.SOPS_URL).isSet()) {
            for (Key url : List.of(Key.SOPS_URL, Key.JOB_URL)) {
                if (!values.get(url).isSet()) {
                    values.put(url, new Setting(url.id(), null, Source.DEFAULT,
                            "the embedded simulator (built-in profile sandbox)"));
                }
            }
        }
        return new Settings(profile, path, Collections.unmodifiableMap(values), List.copyOf(warnings));
    }

    /** Which profile: -p, then BKOPS_PROFILE, then current-profile in the file, then the built-in sandbox. */
    public static Setting selectProfile(Map<String, String> flags, Map<String, String> env, ProfileFile file) {
        Setting chosen;
        if (present(flags.get(PROFILE_KEY))) {
            chosen = new Setting(PROFILE_KEY, flags.get(PROFILE_KEY).trim(), Source.FLAG, "-p/--profile");
        } else if (present(env.get(PROFILE_ENV))) {
            chosen = new Setting(PROFILE_KEY, env.get(PROFILE_ENV).trim(), Source.ENV, PROFILE_ENV);
        } else if (file.currentProfile().isPresent()) {
            chosen = new Setting(PROFILE_KEY, file.currentProfile().get(), Source.PROFILE,
                    ProfileFile.CURRENT_PROFILE + " in " + file.path());
        } else {
            return new Setting(PROFILE_KEY, SANDBOX_PROFILE, Source.DEFAULT, "built-in");
        }
        ProfileFile.checkProfileName(chosen.value());
        return chosen;
    }

    /** The profiles in the file, then the built-in one unless the file has a section of that name. */
    public static List<String> knownProfiles(ProfileFile file) {
        List<String> known = new ArrayList<>(file.profiles());
        if (!known.contains(SANDBOX_PROFILE)) {
            known.add(SANDBOX_PROFILE);
        }
        return known;
    }

    private static Setting resolveKey(Key key, Map<String, String> flags, Map<String, String> env,
                                      Map<String, String> section, String profileOrigin, boolean builtIn) {
        String id = key.id();
        if (key.flag() != null && present(flags.get(id))) {
            return checked(key, flags.get(id), Source.FLAG, key.flag());
        }
        if (key == Key.COLOR) {
            // no-color.org: present and not empty disables colour; CLICOLOR_FORCE (not "0") forces it.
            if (present(env.get("NO_COLOR"))) {
                return new Setting(id, "never", Source.ENV, "NO_COLOR");
            }
            if (present(env.get("CLICOLOR_FORCE")) && !env.get("CLICOLOR_FORCE").equals("0")) {
                return new Setting(id, "always", Source.ENV, "CLICOLOR_FORCE");
            }
        }
        if (key == Key.PROTECT) {
            return protect(env, section, profileOrigin);
        }
        if (key.envVar() != null && present(env.get(key.envVar()))) {
            return checked(key, env.get(key.envVar()), Source.ENV, key.envVar());
        }
        if (present(section.get(id))) {
            return checked(key, section.get(id), Source.PROFILE, profileOrigin);
        }
        if (builtIn && SANDBOX_DEFAULTS.containsKey(key)) {
            return new Setting(id, SANDBOX_DEFAULTS.get(key), Source.DEFAULT, "built-in profile " + SANDBOX_PROFILE);
        }
        return new Setting(id, key.defaultValue(), Source.DEFAULT, key.defaultValue() == null ? "not set" : "built-in");
    }

    /**
     * The guard rail is the profile's (it belongs to the servers the profile names); BKOPS_PROTECT may make it stricter
     * for a run (a CI job that must never write), never looser: a variable left in a shell must not drop a production
     * profile's guard. To loosen it, change the profile ('bkops config set protect none').
     */
    private static Setting protect(Map<String, String> env, Map<String, String> section, String profileOrigin) {
        Key key = Key.PROTECT;
        Setting inProfile = present(section.get(key.id()))
                ? checked(key, section.get(key.id()), Source.PROFILE, profileOrigin)
                : new Setting(key.id(), key.defaultValue(), Source.DEFAULT, "built-in");
        if (!present(env.get(key.envVar()))) {
            return inProfile;
        }
        Setting fromEnv = checked(key, env.get(key.envVar()), Source.ENV, key.envVar());
        if (Protect.of(fromEnv.value()).compareTo(Protect.of(inProfile.value())) >= 0) {
            return fromEnv;
        }
        return new Setting(key.id(), inProfile.value(), inProfile.source(), inProfile.origin() + "; "
                + key.envVar() + "=" + fromEnv.value() + " is looser and cannot loosen it");
    }

    private static Setting checked(Key key, String raw, Source source, String origin) {
        return new Setting(key.id(), key.check(raw, origin), source, origin);
    }

    /**
     * The app secret itself beats a secret file from a lower source, and a secret file beats the secret itself from a
     * lower (or the same) source: whichever was given with the higher precedence wins.
     */
    private static Setting appSecret(Setting inline, Setting fileSetting) {
        if (!fileSetting.isSet() || inline.isSet() && inline.source().compareTo(fileSetting.source()) < 0) {
            return inline;
        }
        Path p = Path.of(fileSetting.value());
        String secret = readSecretFile(p, fileSetting.origin());
        String origin = "file " + p + " (from " + fileSetting.origin() + ")";
        return new Setting(Key.APP_SECRET.id(), secret, fileSetting.source(), origin);
    }

    /** The secret in a file: its contents trimmed; missing, unreadable or empty is a clear error. */
    public static String readSecretFile(Path p, String givenBy) {
        String secret;
        try {
            secret = Files.readString(p, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new ConfigException(Text.of("errors.config.secret-file.unreadable", p, givenBy,
                    ProfileFile.describe(e)));
        }
        if (secret.isEmpty()) {
            throw new ConfigException(Text.of("errors.config.secret-file.empty", p, givenBy));
        }
        return secret;
    }

    static Path expandHome(String path, Map<String, String> env) {
        String home = env.get("HOME");
        if (present(home) && (path.equals("~") || path.startsWith("~/"))) {
            return Path.of(home + path.substring(1));
        }
        return Path.of(path);
    }

    private static boolean present(String v) {
        return v != null && !v.isBlank();
    }

    // ---- what the rest of bkops reads ----

    /** The selected profile's name, with how it was selected. */
    public Setting profileSetting() {
        return profile;
    }

    public String profile() {
        return profile.value();
    }

    /** Where the profile file is (it may not exist). */
    public Path configFile() {
        return file;
    }

    /**
     * True when the run should start the embedded simulator and talk to it over HTTP: the built-in sandbox profile
     * with no Standard OPS URL from any source. The caller then uses the simulator's URLs instead of {@link #sopsUrl()}.
     */
    public boolean embeddedSandbox() {
        return profile.value().equals(SANDBOX_PROFILE) && !setting(Key.SOPS_URL).isSet();
    }

    /** Lines for stderr (e.g. a profile file readable by others), each already one line. */
    public List<String> warnings() {
        return warnings;
    }

    public Setting setting(Key key) {
        return values.get(key);
    }

    /** Every setting in catalogue order, the profile selection first; for {@code config view}. */
    public List<Setting> all() {
        List<Setting> all = new ArrayList<>();
        all.add(profile);
        all.addAll(values.values());
        return all;
    }

    public URI sopsUrl() {
        return URI.create(require(Key.SOPS_URL));
    }

    public URI jobUrl() {
        return URI.create(require(Key.JOB_URL));
    }

    public Optional<URI> jobUrlIfSet() {
        return value(Key.JOB_URL).map(URI::create);
    }

    public Gateway gateway() {
        return Gateway.valueOf(upper(Key.GATEWAY));
    }

    public long biz() {
        return Long.parseLong(require(Key.BIZ));
    }

    public Scope scope() {
        return Scope.valueOf(upper(Key.SCOPE));
    }

    public String appCode() {
        return require(Key.APP_CODE);
    }

    public Secret appSecret() {
        return new Secret(require(Key.APP_SECRET));
    }

    public Optional<String> username() {
        return value(Key.USERNAME);
    }

    public Optional<Secret> bkToken() {
        return value(Key.BK_TOKEN).map(Secret::new);
    }

    public Optional<Secret> accessToken() {
        return value(Key.ACCESS_TOKEN).map(Secret::new);
    }

    /** The output format asked for; empty means the command's default (a table on a terminal). */
    public Optional<String> output() {
        return value(Key.OUTPUT);
    }

    public ColorMode color() {
        return ColorMode.valueOf(upper(Key.COLOR));
    }

    public Duration timeout() {
        return Durations.parse(require(Key.TIMEOUT));
    }

    public int retries() {
        return Integer.parseInt(require(Key.RETRIES));
    }

    /** The CA file to trust; a file that cannot be read is a usage error naming where the setting came from. */
    public Optional<Path> caCert() {
        Setting s = values.get(Key.CA_CERT);
        if (!s.isSet()) {
            return Optional.empty();
        }
        Path p = Path.of(s.value());
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new ConfigException(Text.of("errors.config.ca-cert.unreadable", p, s.origin(),
                    Text.of(!Files.exists(p) ? "errors.config.file.missing" : Files.isDirectory(p)
                            ? "errors.config.file.directory" : "errors.config.file.denied")));
        }
        return Optional.of(p);
    }

    public boolean insecure() {
        return Boolean.parseBoolean(require(Key.INSECURE));
    }

    /** The selected profile's guard rail for state-changing requests ({@link #setting} says where it came from). */
    public Protect protect() {
        return Protect.of(require(Key.PROTECT));
    }

    /** Any setting's raw value, e.g. {@code value(Key.APP_SECRET).map(Secret::new)} when an access token may stand in. */
    public Optional<String> value(Key key) {
        return Optional.ofNullable(values.get(key).value());
    }

    private String upper(Key key) {
        return require(key).toUpperCase(Locale.ROOT);
    }

    /** A setting the caller cannot do without: missing configuration is a usage error that says how to give it. */
    private String require(Key key) {
        Setting s = values.get(key);
        if (s.isSet()) {
            return s.value();
        }
        List<String> ways = new ArrayList<>();
        if (key.flag() != null) {
            ways.add(key.flag());
        }
        if (key.envVar() != null) {
            ways.add("$" + key.envVar());
        }
        if (key == Key.APP_SECRET) {
            ways.add(Key.APP_SECRET_FILE.flag());
        }
        ways.add("'bkops config set " + key.id() + (key.secret() ? " -'" : " VALUE'"));
        throw new ConfigException(Text.of("errors.config.missing", key.id(), profile.value(), String.join(", ", ways)));
    }
}
