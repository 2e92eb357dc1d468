package bkops.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that misbehaves in ways the sandbox does not (trickling bodies, long Retry-After, gzip
 * bombs, success bodies of the wrong shape). Every request, whatever its path, gets the same treatment.
 */
public final class HostileServer implements AutoCloseable {
    /** Writes one response; may block (each request has its own thread). */
    @FunctionalInterface
    public interface Behaviour {
        void answer(HttpExchange ex) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger requests = new AtomicInteger();

    private HostileServer(Behaviour behaviour) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                requests.incrementAndGet();
                behaviour.answer(ex);
            } catch (IOException gone) {
                // the client hung up: what the tests want of it
            }
        });
        server.start();
    }

    public static HostileServer start(Behaviour behaviour) {
        try {
            return new HostileServer(behaviour);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Headers at once, then the body {@code body} one byte every {@code gapMillis}. */
    public static Behaviour trickle(String body, long gapMillis) {
        return ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            OutputStream out = ex.getResponseBody();
            for (byte x : b) {
                out.write(x);
                out.flush();
                try {
                    Thread.sleep(gapMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        };
    }

    /** A complete answer at once. */
    public static Behaviour answer(int status, Map<String, String> headers, byte[] body) {
        return ex -> {
            headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            ex.getResponseBody().write(body);
        };
    }

    /** A JSON answer at once. */
    public static Behaviour json(int status, String json, String... headerPairs) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], headerPairs[i + 1]);
        }
        return answer(status, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The base URL, e.g. for BKOPS_SOPS_URL. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests reached the server. */
    public int requests() {
        return requests.get();
    }

    /** bkops pointed at this server for both services (home: {@link TestEnv}), with credentials that mean nothing to it. */
    public Map<String, String> env(java.nio.file.Path home) {
        Map<String, String> env = TestEnv.in(home).env();
        env.put("BKOPS_SOPS_URL", url());
        env.put("BKOPS_JOB_URL", url());
        env.put("BKOPS_BIZ", "2");
        env.put("BK_APP_CODE", "hostile-test");
        env.put("BK_APP_SECRET", "hostile-secret-1234");
        env.put("BK_USERNAME", "admin");
        return env;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
