package bkops.testing;

import bkops.cli.CliContext;
import bkops.sandbox.Faults;
import bkops.sandbox.ManualClock;
import bkops.sandbox.RecordedRequest;
import bkops.sandbox.Sandbox;
import bkops.sandbox.SandboxCredentials;
import bkops.sandbox.SandboxOptions;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sandbox of a test's own (state in a temp dir, manual clock, loopback port), the environment that points bkops at
 * it, the command line run against it ({@link CliRun}, in-process) and a plain HTTP client for setting a scene or
 * checking the simulator itself: the one raw-HTTP driver of the tests. Every call goes over real HTTP.
 * Given by {@link BkopsTest}; {@link #start} makes one by hand (a child JVM, a benchmark).
 */
public final class TestSandbox implements AutoCloseable {
    public static final Instant EPOCH = TestEnv.EPOCH;
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The sandbox's credentials as the gateway header carries them. */
    public static final String AUTH = "{\"bk_app_code\":\"" + SandboxCredentials.APP_CODE + "\",\"bk_app_secret\":\""
            + SandboxCredentials.APP_SECRET + "\",\"bk_username\":\"" + SandboxCredentials.USERNAME + "\"}";

    private final Sandbox sandbox;
    private final TestEnv environment;
    private final Path stateDir;
    private int reads;

    private TestSandbox(Sandbox sandbox, TestEnv environment, Path stateDir) {
        this.sandbox = sandbox;
        this.environment = environment;
        this.stateDir = stateDir;
    }

    /** A sandbox with its state in {@code home/state} and the environment's home at {@code home}. */
    public static TestSandbox start(Path home) {
        return start(home, home.resolve("state"), true, EPOCH);
    }

    /** {@code caches} false: without the server's read caches; {@code epoch}: where the manual clock starts. */
    public static TestSandbox start(Path home, Path stateDir, boolean caches, Instant epoch) {
        ManualClock clock = new ManualClock(epoch);
        try {
            Sandbox s = Sandbox.start(new SandboxOptions().stateDir(stateDir).port(0).clock(clock).caches(caches));
            return new TestSandbox(s, TestEnv.in(home, clock), stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another sandbox on this one's state directory, with a clock of its own: a second process, as it were. */
    public TestSandbox sharingState() {
        return start(environment.home(), stateDir, true, clock().now());
    }

    /** bkops configured for the sandbox through the environment, as a CI job would be, via the API gateway. */
    public Map<String, String> env() {
        Map<String, String> env = environment.env();
        env.put("BKOPS_SOPS_URL", sandbox.sopsGatewayUrl());
        env.put("BKOPS_JOB_URL", sandbox.jobGatewayUrl());
        env.put("BKOPS_BIZ", String.valueOf(SandboxCredentials.BIZ_ID));
        env.put("BK_APP_CODE", SandboxCredentials.APP_CODE);
        env.put("BK_APP_SECRET", SandboxCredentials.APP_SECRET);
        env.put("BK_USERNAME", SandboxCredentials.USERNAME);
        env.put("BKOPS_RETRIES", "0");
        return env;
    }

    /** The same through the legacy ESB front door. */
    public Map<String, String> esbEnv() {
        Map<String, String> env = env();
        env.put("BKOPS_SOPS_URL", sandbox.esbUrl());
        env.put("BKOPS_JOB_URL", sandbox.esbUrl());
        env.put("BKOPS_GATEWAY", "esb");
        return env;
    }

    // ---- the command line, in-process ----

    public CliRun.Result run(String... args) {
        return CliRun.run(env(), null, sleeper(), false, args);
    }

    public CliRun.Result run(Map<String, String> env, String... args) {
        return CliRun.run(env, null, sleeper(), false, args);
    }

    public CliRun.Result runWithStdin(String stdin, String... args) {
        return CliRun.run(env(), stdin, sleeper(), false, args);
    }

    public CliRun.Result runEsb(String... args) {
        return CliRun.run(esbEnv(), null, sleeper(), false, args);
    }

    /** Waiting in a test moves simulated time instead of the wall clock. */
    public CliContext.Sleeper sleeper() {
        return environment.sleeper();
    }

    // ---- the sandbox ----

    public ManualClock clock() {
        return environment.clock();
    }

    public void advance(Duration d) {
        clock().advance(d);
    }

    public void advance(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    public Faults faults() {
        return sandbox.faults();
    }

    public List<RecordedRequest> requests() {
        return sandbox.requests();
    }

    public void clearRequests() {
        sandbox.clearRequests();
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    /** The environment's home: HOME, with the XDG directories under it. */
    public Path home() {
        return environment.home();
    }

    public Path stateDir() {
        return stateDir;
    }

    // ---- plain HTTP to the simulator ----

    /** An answer: status, the raw response, and the body as a map (empty when it is not a JSON object). */
    public record Res(int status, HttpResponse<String> raw, Map<String, Object> body) {
        public Object data() {
            return body.get("data");
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> dataMap() {
            return (Map<String, Object>) body.get("data");
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The body as a tree; missing when it is not JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        /** The body as a tree, after checking the envelope says {@code result: true}. */
        public JsonNode ok() {
            JsonNode n = json();
            if (!n.path("result").asBoolean()) {
                throw new AssertionError(raw.request().uri() + ": " + raw.body());
            }
            return n;
        }
    }

    /** GET on the SOPS gateway, e.g. {@code get("/get_template_list/2/")}. */
    public Res get(String pathAndQuery) {
        return send("GET", sandbox.sopsGatewayUrl() + pathAndQuery, null, AUTH);
    }

    /** POST on the SOPS gateway; the body is JSON text as given or an object written as JSON. */
    public Res post(String path, Object body) {
        return send("POST", sandbox.sopsGatewayUrl() + path, body, AUTH);
    }

    /** Any request to any URL; {@code auth} is the gateway header's value, null for none. */
    public Res send(String method, String url, Object body, String auth) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
            if (auth != null) b.header("X-Bkapi-Authorization", auth);
            String json = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (body != null) b.header("Content-Type", "application/json");
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> parsed = r.body().startsWith("{")
                    ? JSON.readValue(r.body(), new TypeReference<LinkedHashMap<String, Object>>() {}) : Map.of();
            return new Res(r.statusCode(), r, parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a task from a template with optional constants and returns its id. */
    public long createTask(long templateId, Map<String, Object> constants) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "test task " + templateId);
        if (constants != null) body.put("constants", constants);
        Res r = post("/create_task/" + templateId + "/2/", body);
        if (!Boolean.TRUE.equals(r.body().get("result"))) throw new AssertionError(r.body());
        return ((Number) r.dataMap().get("task_id")).longValue();
    }

    public long startTask(long templateId, Map<String, Object> constants) {
        long id = createTask(templateId, constants);
        Res r = post("/start_task/" + id + "/2/", Map.of());
        if (!Boolean.TRUE.equals(r.body().get("result"))) throw new AssertionError(r.body());
        return id;
    }

    /**
     * The engine's state now: each read carries a parameter of its own, so the server's 10 s status cache (keyed by
     * the parameters, bk-sops gcloud/apigw/utils.py) cannot answer it, as bkops's own fresh reads do.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> status(long taskId) {
        Res r = get("/get_task_status/" + taskId + "/2/?with_ex_data=1&_fresh=" + ++reads);
        if (!Boolean.TRUE.equals(r.body().get("result"))) throw new AssertionError(r.body());
        return (Map<String, Object>) r.data();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
