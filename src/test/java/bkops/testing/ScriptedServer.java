package bkops.testing;

import bkops.sandbox.SandboxCredentials;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A server on loopback that answers each API (routed by name; testing/HostileServer misbehaves at the HTTP level instead) with a body a test crafted (names with terminal escapes, messages that
 * echo the credentials, ids that are shell code...), for the cases the sandbox is too well-behaved to produce.
 * APIs are matched by name in the path, so both front doors reach the same answer.
 */
public final class ScriptedServer implements AutoCloseable {
    /** The app secret bkops is given for this server; tests assert it never comes back out. */
    public static final String SECRET = "hostile-app-secret-5e1f";

    public record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Function<Headers, Reply>> routes = new ConcurrentHashMap<>();

    private ScriptedServer(HttpServer server) {
        this.server = server;
    }

    public static ScriptedServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ScriptedServer h = new ScriptedServer(s);
            s.createContext("/", ex -> {
                String path = ex.getRequestURI().getPath();
                Reply r = new Reply(404, "{\"result\":false,\"code\":1640401,\"code_name\":\"API_NOT_FOUND\","
                        + "\"message\":\"no such API\"}");
                for (Map.Entry<String, Function<Headers, Reply>> e : h.routes.entrySet()) {
                    if (path.contains("/" + e.getKey() + "/") || path.endsWith("/" + e.getKey())) {
                        r = e.getValue().apply(ex.getRequestHeaders());
                        break;
                    }
                }
                byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type",
                        r.body().startsWith("{") || r.body().startsWith("[") ? "application/json" : "text/plain");
                ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    ex.getResponseBody().write(body);
                }
                ex.close();
            });
            s.start();
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers {@code api} (e.g. get_template_list) with this status and body. */
    public ScriptedServer on(String api, int status, String body) {
        return on(api, headers -> new Reply(status, body));
    }

    /** Answers {@code api} with a reply made from the request's headers (to echo what the client sent). */
    public ScriptedServer on(String api, Function<Headers, Reply> reply) {
        routes.put(api, reply);
        return this;
    }

    /** A success envelope around {@code dataJson}. */
    public static String ok(String dataJson) {
        return "{\"result\":true,\"code\":0,\"message\":\"\",\"data\":" + dataJson + "}";
    }

    public String sopsUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/bk-sops/prod";
    }

    public String jobUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/bk-job/prod";
    }

    /** bkops pointed at this server through the environment, with its own home ({@link TestEnv}) and no retries. */
    public Map<String, String> env(Path home) {
        Map<String, String> env = TestEnv.in(home).env();
        env.put("BKOPS_SOPS_URL", sopsUrl());
        env.put("BKOPS_JOB_URL", jobUrl());
        env.put("BKOPS_BIZ", "2");
        env.put("BK_APP_CODE", SandboxCredentials.APP_CODE);
        env.put("BK_APP_SECRET", SECRET);
        env.put("BK_USERNAME", "admin");
        env.put("BKOPS_RETRIES", "0");
        env.put("BKOPS_TIMEOUT", "10s");
        return env;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
