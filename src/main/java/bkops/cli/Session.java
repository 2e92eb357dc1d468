package bkops.cli;

import bkops.api.ApiClient;
import bkops.api.ClientConfig;
import bkops.api.Credentials;
import bkops.api.FrontDoor;
import bkops.api.JobApi;
import bkops.api.SopsApi;
import bkops.cli.config.SettingsLoader;
import bkops.config.Gateway;
import bkops.config.Key;
import bkops.config.Protect;
import bkops.config.Secret;
import bkops.config.Setting;
import bkops.config.Settings;
import bkops.config.Source;
import bkops.config.XdgPaths;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What one run of a command talks to, built lazily on first use: the resolved settings, the embedded sandbox when the
 * built-in profile is selected, and the API client. Closed by {@link Cli} when the command ends.
 */
public final class Session implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final BkopsCommand root;
    private Settings settings;
    private EmbeddedSandbox sandbox;
    private ApiClient client;
    private Output output;

    Session(BkopsCommand root) {
        this.root = root;
    }

    public CliContext context() {
        return root.context();
    }

    public GlobalOptions global() {
        return root.global;
    }

    public Settings settings() {
        if (settings == null) {
            settings = SettingsLoader.load(root);
        }
        return settings;
    }

    /**
     * Whether the server's console links (create_task's task_url, get_tasks_status's url: pages under bk-sops's
     * APP_HOST, gcloud/taskflow3/models.py TaskFlowInstance.url) are worth printing: not on the built-in embedded
     * sandbox, whose links name a loopback port that closes with this run (or with the daemon) and which serves no
     * console page anyway. A sandbox reached through a profile's URL (`sandbox serve`) keeps its links.
     */
    public boolean consoleLinks() {
        return !settings().embeddedSandbox();
    }

    public Output output() {
        if (output == null) {
            output = new Output(context(), settings(), root.formats(), root.jq(), root.messages());
        }
        return output;
    }

    /** The output even when the settings cannot be resolved (doctor's report of that): -o alone, no colour. */
    Output outputEvenWithoutSettings() {
        if (output == null && settings == null) {
            try {
                return output();
            } catch (bkops.config.ConfigException broken) {
                return Output.withoutSettings(context(), root.formats(), root.global.output, root.jq(), root.messages());
            }
        }
        return output();
    }

    public SopsApi sops() {
        return new SopsApi(client());
    }

    public JobApi job() {
        return new JobApi(client());
    }

    public ApiClient client() {
        if (client == null) {
            client = new ApiClient(clientConfig());
        }
        return client;
    }

    private ClientConfig clientConfig() {
        Settings s = settings();
        String sopsUrl;
        String jobUrl;
        FrontDoor door = s.gateway() == Gateway.ESB ? FrontDoor.ESB : FrontDoor.APIGW;
        if (s.embeddedSandbox()) {
            ResidentSandboxes resident = context().sandboxes();
            sandbox = resident != null ? resident.acquire(sandboxStateDir()) : EmbeddedSandbox.start(sandboxStateDir());
            sopsUrl = door == FrontDoor.ESB ? sandbox.esbUrl() : sandbox.sopsGatewayUrl();
            jobUrl = door == FrontDoor.ESB ? sandbox.esbUrl() : sandbox.jobGatewayUrl();
        } else {
            sopsUrl = s.sopsUrl().toString();
            jobUrl = s.jobUrlIfSet().map(Object::toString).orElse(null);
        }
        if (s.insecure()) {
            context().err().println(root.messages().get("reporter.warning", root.messages().get("notice.cli.insecure")));
        }
        // An access token stands alone (the official SDKs send only it); otherwise the app secret is required.
        String secret = s.accessToken().isPresent() ? s.value(Key.APP_SECRET).orElse(null) : s.appSecret().reveal();
        Credentials creds = new Credentials(s.appCode(), secret, s.username().orElse(null),
                s.bkToken().map(Secret::reveal).orElse(null), s.accessToken().map(Secret::reveal).orElse(null));
        // --ca-cert matters only where TLS is used: a plain-http target never reads (or needs) the file
        Path caCert = isHttps(sopsUrl) || isHttps(jobUrl) ? s.caCert().orElse(null) : null;
        return new ClientConfig(sopsUrl, jobUrl, door, String.valueOf(s.biz()), s.scope().id(), creds,
                CONNECT_TIMEOUT, s.timeout(), s.retries(), s.insecure(), caCert, trace(), context().sleeper(),
                writesRefused());
    }

    /**
     * Why no state-changing request may be sent in this run, naming the profile and the setting, or null: the profile's
     * protect is read-only, or BKOPS_PROTECT made it so for this run (the built-in sandbox too: the variable is explicit).
     */
    public String writesRefused() {
        Settings s = settings();
        if (s.protect() != Protect.READ_ONLY) {
            return null;
        }
        Setting p = s.setting(Key.PROTECT);
        String why = p.source() == Source.ENV ? p.origin() + "=read-only"
                : root.messages().get("runner.read-only.set-in", p.origin());
        return root.messages().get("runner.read-only.profile", s.profile(), why);
    }

    /**
     * What a write acts on, for its first line and its prompt: "profile prod (https://bkapi.example.com/api/bk-sops/prod)";
     * {@code job} the Job server's URL instead of Standard OPS's.
     */
    public String target(boolean job) {
        ClientConfig c = client().config();
        String url = job && c.jobUrl() != null ? c.jobUrl() : c.sopsUrl();
        return root.messages().get(sandbox != null ? "runner.target.sandbox" : "runner.target", settings().profile(), url);
    }

    private static boolean isHttps(String url) {
        return url != null && url.regionMatches(true, 0, "https:", 0, 6);
    }

    private Path sandboxStateDir() {
        return XdgPaths.sandboxState(context().env());
    }

    private ClientConfig.Trace trace() {
        boolean debug = root.global.debug || context().env("BKOPS_DEBUG") != null;
        boolean verbose = root.global.verbose || debug;
        PrintWriter err = context().err();
        return new ClientConfig.Trace() {
            public void verbose(String line) { err.println("bkops: " + line); }
            public void debug(String line) { err.println("bkops: " + line); }
            public boolean verboseEnabled() { return verbose; }
            public boolean debugEnabled() { return debug; }
        };
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
