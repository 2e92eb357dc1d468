package bkops.cli;

import bkops.config.Key;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The global options of the contract. Every field is null when the flag was not typed, so that
 * configuration resolution can tell a flag from a default (flag > env > profile > default).
 * Declared with scope INHERIT on the root so they are accepted before or after the subcommand.
 */
public final class GlobalOptions {
    @Option(names = {"-p", "--profile"}, paramLabel = "NAME", scope = ScopeType.INHERIT, order = 1,
            description = "Configuration profile (env BKOPS_PROFILE). The built-in profile 'sandbox' needs no file.")
    public String profile;

    @Option(names = "--sops-url", paramLabel = "URL", scope = ScopeType.INHERIT, order = 2,
            description = "Standard OPS base URL (env BKOPS_SOPS_URL).")
    public String sopsUrl;

    @Option(names = "--job-url", paramLabel = "URL", scope = ScopeType.INHERIT, order = 3,
            description = "Job base URL (env BKOPS_JOB_URL).")
    public String jobUrl;

    @Option(names = "--gateway", paramLabel = "apigw|esb", scope = ScopeType.INHERIT, order = 4,
            completionCandidates = GatewayNames.class,
            description = "Front door: apigw (X-Bkapi-Authorization header) or esb (/api/c/compapi/v2, credentials as fields). Env BKOPS_GATEWAY.")
    public String gateway;

    @Option(names = {"-b", "--biz"}, paramLabel = "ID", scope = ScopeType.INHERIT, order = 5,
            description = "Business id (env BKOPS_BIZ).")
    public String biz;

    @Option(names = "--scope", paramLabel = "cmdb_biz|project", scope = ScopeType.INHERIT, order = 6,
            completionCandidates = ScopeNames.class,
            description = "What --biz means: a CMDB business id (cmdb_biz, default) or a Standard OPS project id. Env BKOPS_SCOPE.")
    public String scope;

    @Option(names = "--app-code", paramLabel = "CODE", scope = ScopeType.INHERIT, order = 7,
            description = "BlueKing app code (env BK_APP_CODE).")
    public String appCode;

    @Option(names = "--app-secret-file", paramLabel = "PATH", scope = ScopeType.INHERIT, order = 8,
            description = "File holding the app secret (or env BK_APP_SECRET). Never a plain flag: it would leak into ps and history.")
    public String appSecretFile;

    @Option(names = "--username", paramLabel = "USER", scope = ScopeType.INHERIT, order = 9,
            description = "BlueKing user name (env BK_USERNAME; or BK_TOKEN / BK_ACCESS_TOKEN in the environment or profile).")
    public String username;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", scope = ScopeType.INHERIT, order = 10,
            completionCandidates = OutputNames.class,
            description = "Output: table, wide, json, jsonl, yaml, tree, id (and dot, mermaid for graphs); a format the command "
                    + "cannot print is refused (exit 2). Env BKOPS_OUTPUT.")
    public String output;

    @Option(names = "--color", paramLabel = "auto|always|never", scope = ScopeType.INHERIT, order = 11,
            completionCandidates = ColorNames.class,
            description = "Colour: auto (only on a terminal), always, never. NO_COLOR and CLICOLOR_FORCE are honoured.")
    public String color;

    @Option(names = "--timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT, order = 12,
            description = "Time limit of each API call, its retries included, e.g. 30s, 2m, 500ms (env BKOPS_TIMEOUT).")
    public String timeout;

    @Option(names = "--retries", paramLabel = "N", scope = ScopeType.INHERIT, order = 13,
            description = "How many times a read is retried on a transient failure; 0 turns retries off (env BKOPS_RETRIES).")
    public Integer retries;

    @Option(names = "--ca-cert", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 14,
            description = "PEM file of a private certificate authority to trust (env BKOPS_CA_CERT).")
    public String caCert;

    @Option(names = "--insecure", scope = ScopeType.INHERIT, order = 15,
            description = "Do not verify TLS certificates (warns on every use).")
    public Boolean insecure;

    @Option(names = {"-y", "--yes"}, scope = ScopeType.INHERIT, order = 16,
            description = "Answer yes to confirmations of destructive verbs.")
    public boolean yes;

    @Option(names = "--confirm-profile", paramLabel = "NAME", scope = ScopeType.INHERIT, order = 16,
            description = "Confirm a change by naming the profile it acts on: what a profile with protect confirm needs "
                    + "for a destructive verb or a bulk action in a script (--yes alone is not enough). A NAME other "
                    + "than the profile in use refuses the change (exit 2).")
    public String confirmProfile;

    @Option(names = "--dry-run", scope = ScopeType.INHERIT, order = 17,
            description = "Show what would be sent or written, send and write nothing (-o json: the requests); commands "
                    + "that only read run as usual, those that cannot show it refuse it (exit 2).")
    public boolean dryRun;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, order = 18,
            description = "Say what is happening on stderr (requests, retries). Secrets are masked.")
    public boolean verbose;

    @Option(names = "--debug", scope = ScopeType.INHERIT, order = 19,
            description = "Full diagnostics on stderr, stack traces included (env BKOPS_DEBUG). Secrets are masked.")
    public boolean debug;

    /** The typed setting flags by setting key (as {@code bkops.config.Settings.resolve} takes them), only those given. */
    public Map<String, String> settingFlags() {
        Map<String, String> flags = new LinkedHashMap<>();
        put(flags, "profile", profile);
        put(flags, "sops-url", sopsUrl);
        put(flags, "job-url", jobUrl);
        put(flags, "gateway", gateway);
        put(flags, "biz", biz);
        put(flags, "scope", scope);
        put(flags, "app-code", appCode);
        put(flags, "app-secret-file", appSecretFile);
        put(flags, "username", username);
        put(flags, "output", output);
        put(flags, "color", color);
        put(flags, "timeout", timeout);
        put(flags, "retries", retries);
        put(flags, "ca-cert", caCert);
        put(flags, "insecure", insecure);
        return flags;
    }

    private static void put(Map<String, String> flags, String key, Object value) {
        if (value != null) {
            flags.put(key, value.toString());
        }
    }

    /** The completion candidates of the settings with a fixed set of values: their config.Key's choices. */
    private abstract static class Choices implements Iterable<String> {
        private final Key key;

        Choices(Key key) {
            this.key = key;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return key.choices().iterator();
        }
    }

    static final class GatewayNames extends Choices {
        GatewayNames() {
            super(Key.GATEWAY);
        }
    }

    static final class ScopeNames extends Choices {
        ScopeNames() {
            super(Key.SCOPE);
        }
    }

    static final class ColorNames extends Choices {
        ColorNames() {
            super(Key.COLOR);
        }
    }

    static final class OutputNames extends Choices {
        OutputNames() {
            super(Key.OUTPUT);
        }
    }
}
