package bkops.config;

import bkops.i18n.Text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The catalogue of settings: the name used in the profile file and in {@code config set}, the environment variable,
 * the flag, the built-in default, whether it is a secret, and how a value is checked and normalised.
 */
public enum Key {
    SOPS_URL("sops-url", "BKOPS_SOPS_URL", "--sops-url", null, false, Key::url),
    JOB_URL("job-url", "BKOPS_JOB_URL", "--job-url", null, false, Key::url),
    GATEWAY("gateway", "BKOPS_GATEWAY", "--gateway", "apigw", false, "apigw", "esb"),
    BIZ("biz", "BKOPS_BIZ", "-b/--biz", null, false, Key::positiveInteger),
    SCOPE("scope", "BKOPS_SCOPE", "--scope", "cmdb_biz", false, "cmdb_biz", "project"),
    APP_CODE("app-code", "BK_APP_CODE", "--app-code", null, false, Key::text),
    APP_SECRET("app-secret", "BK_APP_SECRET", null, null, true, Key::text),
    APP_SECRET_FILE("app-secret-file", null, "--app-secret-file", null, false, Key::text),
    USERNAME("username", "BK_USERNAME", "--username", null, false, Key::text),
    BK_TOKEN("bk-token", "BK_TOKEN", null, null, true, Key::text),
    ACCESS_TOKEN("access-token", "BK_ACCESS_TOKEN", null, null, true, Key::text),
    OUTPUT("output", "BKOPS_OUTPUT", "-o/--output", null, false,
            "table", "wide", "json", "jsonl", "yaml", "tree", "id", "dot", "mermaid"),
    // NO_COLOR and CLICOLOR_FORCE are not values of this setting, so Settings handles them itself.
    COLOR("color", null, "--color", "auto", false, "auto", "always", "never"),
    TIMEOUT("timeout", "BKOPS_TIMEOUT", "--timeout", "30s", false, Key::positiveDuration),
    RETRIES("retries", "BKOPS_RETRIES", "--retries", "3", false, Key::count),
    CA_CERT("ca-cert", "BKOPS_CA_CERT", "--ca-cert", null, false, Key::text),
    INSECURE("insecure", null, "--insecure", "false", false, Key::bool),
    // No flag: a typed flag would loosen a profile's guard for one command. BKOPS_PROTECT can make it stricter, never
    // looser (Settings resolves it so).
    PROTECT("protect", "BKOPS_PROTECT", null, "none", false, "none", "confirm", "read-only");

    private final String id;
    private final String envVar;
    private final String flag;
    private final String defaultValue;
    private final boolean secret;
    private final UnaryOperator<String> check;
    private final List<String> choices;

    Key(String id, String envVar, String flag, String defaultValue, boolean secret, UnaryOperator<String> check) {
        this.id = id;
        this.envVar = envVar;
        this.flag = flag;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.check = check;
        this.choices = List.of();
    }

    /** A setting with a fixed set of values, lower case: the check and the shells' completion both read them. */
    Key(String id, String envVar, String flag, String defaultValue, boolean secret, String... choices) {
        this.id = id;
        this.envVar = envVar;
        this.flag = flag;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.check = v -> oneOf(v, choices);
        this.choices = List.of(choices);
    }

    /** The values a setting takes when they are a fixed set (gateway, scope, output, color, protect); empty otherwise. */
    public List<String> choices() {
        return choices;
    }

    /** The name in the profile file, in {@code config set} and in {@code GlobalOptions.settingFlags()}. */
    public String id() {
        return id;
    }

    /** The environment variable, or null when the setting has none. */
    public String envVar() {
        return envVar;
    }

    /** The flag as shown to the operator, or null for settings that are never flags (secrets, protect). */
    public String flag() {
        return flag;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public boolean secret() {
        return secret;
    }

    public static Optional<Key> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Key::id).toList();
    }

    /**
     * Checks a value and returns it normalised (trimmed, lower-cased where case does not matter).
     *
     * @param origin where the value came from, named in the error so the operator knows what to fix
     */
    public String check(String value, String origin) {
        try {
            return check.apply(value.trim());
        } catch (ConfigException e) {
            String shown = secret ? Secret.mask(value) : USER_INFO.matcher(value).replaceFirst("$1****@");
            throw new ConfigException(Text.of("errors.config.bad-value", id, shown, origin, e.said()));
        }
    }

    private static String text(String v) {
        if (v.isEmpty()) {
            throw new ConfigException(Text.of("errors.config.value.empty"));
        }
        return v;
    }

    private static String oneOf(String v, String... allowed) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(lower)) {
            throw new ConfigException(Text.of("errors.config.value.one-of", String.join(", ", allowed)));
        }
        return lower;
    }

    /** The user:password@ part of a URL, for messages that show a refused value. */
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

    private static String url(String v) {
        // Refused rather than masked: bkops never sends a user or password from a URL (the credentials are app-code,
        // app-secret and a user or token), while -v, config view, doctor and errors print URLs.
        if (USER_INFO.matcher(v).find()) {
            throw new ConfigException(Text.of("errors.config.value.url-user"));
        }
        try {
            URI u = new URI(v);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
                throw new ConfigException(Text.of("errors.config.value.url"));
            }
            // URI accepts any number of digits as a port; the HTTP client then fails with an internal error.
            if (u.getPort() == 0 || u.getPort() > 65535) {
                throw new ConfigException(Text.of("errors.config.value.port", u.getPort()));
            }
            if (u.getQuery() != null || u.getFragment() != null) {
                throw new ConfigException(Text.of("errors.config.value.url-query"));
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(Text.of("errors.config.value.not-url", e.getReason()));
        }
        // The API client appends paths; a trailing slash would double them.
        return v.replaceAll("/+$", "");
    }

    private static String positiveInteger(String v) {
        try {
            if (Long.parseLong(v) > 0) {
                return Long.toString(Long.parseLong(v));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(Text.of("errors.config.value.positive"));
    }

    private static String count(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return Integer.toString(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(Text.of("errors.config.value.count"));
    }

    private static String positiveDuration(String v) {
        Text problem = Durations.problemText(v);
        if (problem != null) {
            throw new ConfigException(problem);
        }
        if (Durations.parse(v).isZero()) {
            throw new ConfigException(Text.of("errors.config.value.zero"));
        }
        return v.toLowerCase(Locale.ROOT);
    }

    private static String bool(String v) {
        return oneOf(v, "true", "false");
    }
}
