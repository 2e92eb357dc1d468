package bkops.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A sandbox on a temp dir with a manual clock, and a real HTTP client speaking to it. */
final class TestClient implements AutoCloseable {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String AUTH = "{\"bk_app_code\":\"bkops-sandbox\",\"bk_app_secret\":\"sandbox-secret-0000\",\"bk_username\":\"admin\"}";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T02:00:00Z"));
    final Path dir;
    final Sandbox sandbox;

    TestClient() throws IOException {
        this(Files.createTempDirectory("bkops-sandbox-test"));
    }

    TestClient(Path dir) throws IOException {
        this(dir, true);
    }

    /** {@code caches} false: without the server's read caches, for a test that needs it. */
    TestClient(Path dir, boolean caches) throws IOException {
        this.dir = dir;
        this.sandbox = Sandbox.start(new SandboxOptions().stateDir(dir).clock(clock).caches(caches));
    }

    record Res(int status, HttpResponse<String> raw, Map<String, Object> body) {
        Object data() {
            return body.get("data");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> dataMap() {
            return (Map<String, Object>) body.get("data");
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Res get(String pathAndQuery) {
        return send("GET", sandbox.sopsGatewayUrl() + pathAndQuery, null, AUTH);
    }

    Res post(String path, Object body) {
        return send("POST", sandbox.sopsGatewayUrl() + path, body, AUTH);
    }

    Res send(String method, String url, Object body, String auth) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
            if (auth != null) b.header("X-Bkapi-Authorization", auth);
            String json = body == null ? "" : body instanceof String s ? s : MAPPER.writeValueAsString(body);
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (body != null) b.header("Content-Type", "application/json");
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> parsed = r.body().startsWith("{")
                    ? MAPPER.readValue(r.body(), new TypeReference<LinkedHashMap<String, Object>>() {}) : Map.of();
            return new Res(r.statusCode(), r, parsed);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a task from a template with optional constants and returns its id. */
    long createTask(long templateId, Map<String, Object> constants) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "test task " + templateId);
        if (constants != null) body.put("constants", constants);
        Res r = post("/create_task/" + templateId + "/2/", body);
        if (!Boolean.TRUE.equals(r.body().get("result"))) throw new AssertionError(r.body());
        return ((Number) r.dataMap().get("task_id")).longValue();
    }

    long startTask(long templateId, Map<String, Object> constants) {
        long id = createTask(templateId, constants);
        Res r = post("/start_task/" + id + "/2/", Map.of());
        if (!Boolean.TRUE.equals(r.body().get("result"))) throw new AssertionError(r.body());
        return id;
    }

    private int reads;

    /**
     * The engine's state now: each read carries a parameter of its own, so the server's 10 s status cache (keyed by
     * the parameters, bk-sops gcloud/apigw/utils.py) cannot answer it, as bkops's own fresh reads do.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> status(long taskId) {
        Res r = get("/get_task_status/" + taskId + "/2/?with_ex_data=1&_fresh=" + ++reads);
        if (!Boolean.TRUE.equals(r.body().get("result"))) throw new AssertionError(r.body());
        return (Map<String, Object>) r.data();
    }

    void advance(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
