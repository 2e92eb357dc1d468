package bkops.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A loopback proxy in front of a sandbox that appends {@link #POISON} to every text a person reads (names, messages,
 * errors, logs, URLs) in the JSON the sandbox answers: the real world, as a hostile server would describe it. Ids,
 * states and times pass untouched so every command still works.
 */
public final class PoisoningProxy implements AutoCloseable {
    /** Sets the window title, clears the screen, asks the terminal to answer (C1 CSI), reverses text, moves the cursor. */
    public static final String POISON = " \u001b]0;pwned\u0007\u001b[2J\u009b6n\u202eevil\u202c\r\u0008\u007f";
    private static final Set<String> FIELDS = Set.of("name", "message", "ex_data", "log_content", "task_url",
            "description", "creator", "executor", "editor", "category", "project_name", "step_name", "error_msg",
            "template_name", "display_name");

    private final HttpServer server;
    private final String target;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private PoisoningProxy(String target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()));
                for (String h : new String[] {"X-Bkapi-Authorization", "Content-Type"}) {
                    String v = ex.getRequestHeaders().getFirst(h);
                    if (v != null) {
                        b.header(h, v);
                    }
                }
                byte[] in = ex.getRequestBody().readAllBytes();
                b.method(ex.getRequestMethod(), in.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(in));
                HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                byte[] body = poison(r.body());
                r.headers().firstValue("Content-Type").ifPresent(v -> ex.getResponseHeaders().set("Content-Type", v));
                r.headers().firstValue("X-Bkapi-Request-Id").ifPresent(v -> ex.getResponseHeaders().set("X-Bkapi-Request-Id", v));
                ex.sendResponseHeaders(r.statusCode(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    ex.getResponseBody().write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(502, -1);
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    /** A proxy for the sandbox at {@code target} (scheme, host and port; paths are forwarded as they come). */
    public static PoisoningProxy start(String target) {
        try {
            return new PoisoningProxy(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same URL, through the proxy. */
    public String via(String url) {
        return url.replace(target, "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private byte[] poison(byte[] body) {
        try {
            JsonNode n = json.readTree(body);
            if (n == null) {
                return body;
            }
            walk(n);
            return json.writeValueAsBytes(n);
        } catch (IOException notJson) {
            return body;
        }
    }

    private void walk(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            for (String key : o.properties().stream().map(java.util.Map.Entry::getKey).toList()) {
                JsonNode v = o.get(key);
                if (FIELDS.contains(key) && v.isTextual()) {
                    o.set(key, TextNode.valueOf(v.asText() + POISON));
                } else {
                    walk(v);
                }
            }
        } else if (n.isArray()) {
            n.forEach(this::walk);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
