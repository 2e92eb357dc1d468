package bkops.sandbox;

import bkops.sandbox.job.JobSimulator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The embedded BlueKing SOPS + Job simulator on a loopback port: the API gateway and ESB front doors, credential
 * checks, fault injection, and one persisted world shared with every other Sandbox on the same state directory.
 */
public final class Sandbox implements AutoCloseable {
    private static final String SOPS_GATEWAY = "/api/bk-sops/prod/";
    private static final String JOB_GATEWAY = "/api/bk-job/prod/api/v3/";
    private static final String SOPS_ESB = "/api/c/compapi/v2/sops/";
    private static final String JOB_ESB = "/api/c/compapi/v2/jobv3/";
    private static final int RECORDED = 200;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Store store;
    private final SandboxClock clock;
    private final Faults faults = new Faults();
    private final Grants grants = new Grants();
    private final ArrayDeque<RecordedRequest> requests = new ArrayDeque<>();
    private final ResponseCache cache;
    /** Writes whose reply was dropped and which land later (Faults.Kind.DROP_APPLIED), by due time. */
    private final List<LateWrite> late = new ArrayList<>();

    private record LateWrite(long dueAt, java.util.function.Supplier<Response> work) {}

    private Sandbox(HttpServer server, ExecutorService executor, Store store, SandboxClock clock, boolean caches) {
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.clock = clock;
        this.cache = new ResponseCache(caches);
    }

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms per request.
        // Read once when the server classes load, so it must be set before the first HttpServer is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** The world file cannot be read back: it was edited or damaged outside the sandbox. */
    public static final class CorruptStateException extends IOException {
        CorruptStateException(Path file, String problem) {
            super("the sandbox state file " + file + " is corrupt (" + problem + "); start the sandbox world over with "
                    + "'bkops sandbox reset'");
        }
    }

    /** @throws CorruptStateException when the state directory holds a world that cannot be read */
    public static Sandbox start(SandboxOptions options) throws IOException {
        Store store = new Store(options.resolvedStateDir());
        try {
            store.check();
        } catch (IOException e) {
            store.close();
            throw e;
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 128);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bkops-sandbox");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        Sandbox sandbox = new Sandbox(server, executor, store, options.resolvedClock(), options.caches());
        server.createContext("/", sandbox::handle);
        server.start();
        return sandbox;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String esbUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String sopsGatewayUrl() {
        return esbUrl() + "/api/bk-sops/prod";
    }

    public String jobGatewayUrl() {
        return esbUrl() + "/api/bk-job/prod";
    }

    public Faults faults() {
        return faults;
    }

    /** The gateway's resource grants of the sandbox app (all held until withheld). */
    public Grants grants() {
        return grants;
    }

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            store.close();
        } catch (IOException ignored) {
            // the lock channel is gone either way
        }
    }

    /** Starts the world over: the next request in any process sees only the seed. */
    public static void reset(Path stateDir) throws IOException {
        Store.reset(stateDir);
    }

    // ---- request handling ----

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] raw = ex.getRequestBody().readAllBytes();
            String body = new String(raw, StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            record(ex, path, query, body);
            Response res;
            try {
                if (!path.startsWith("/_sandbox/")) landLateWrites();
                res = route(ex.getRequestMethod(), path, query, body, ex);
            } catch (RuntimeException e) {
                // a world damaged while serving: say so (and how to reset it) instead of a bare 500
                res = Response.text(500, e.getCause() instanceof CorruptStateException c ? c.getMessage() : "Internal Server Error");
            }
            long latency = faults.latencyMillis();
            if (latency > 0 && !path.startsWith("/_sandbox/")) sleep(latency);
            res.write(ex);
        }
    }

    private void record(HttpExchange ex, String path, String query, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
        RecordedRequest r = new RecordedRequest(ex.getRequestMethod(), query == null ? path : path + "?" + query, headers, body);
        synchronized (requests) {
            if (requests.size() == RECORDED) requests.removeFirst();
            requests.addLast(r);
        }
    }

    private Response route(String method, String path, String query, String body, HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("X-Bkapi-Authorization");
        if (path.startsWith("/_sandbox/")) return admin(method, path, body);
        if (path.startsWith(SOPS_GATEWAY)) return sopsGateway(method, path, query, body, auth, ex);
        if (path.startsWith(SOPS_ESB)) return sopsEsb(method, path, query, body, auth, ex);
        if (path.startsWith(JOB_GATEWAY)) return job(method, path.substring(JOB_GATEWAY.length()), query, body, auth, false);
        if (path.startsWith(JOB_ESB)) return job(method, path.substring(JOB_ESB.length()), query, body, auth, true);
        return Response.gateway(GatewayError.notFound(method, path), false);
    }

    private Response sopsGateway(String method, String path, String query, String body, String auth, HttpExchange ex) {
        List<String> segments = segments(path.substring(SOPS_GATEWAY.length()));
        SopsRoutes.Route route = segments.isEmpty() ? null : SopsRoutes.ROUTES.get(segments.get(0));
        if (route == null || !route.gateway() || !route.method().equals(method) || !path.endsWith("/")
                || segments.size() != route.pathParams().size() + 1 || !segments.subList(1, segments.size()).stream().allMatch(s -> s.matches("\\d+"))) {
            return Response.gateway(GatewayError.notFound(method, path), false);
        }
        String api = segments.get(0);
        Faults.Fault fault = faults.next(api);
        if (fault != null && fault.kind() != Faults.Kind.DROP_APPLIED) return FaultResponses.of(fault, api, false);
        String user;
        try {
            user = Auth.verify(Auth.parseHeader(auth));
        } catch (GatewayError e) {
            return Response.gateway(e, false);
        }
        if (!grants.allows(api)) return Response.gateway(Grants.noPermission(), false);
        Map<String, Object> params = new LinkedHashMap<>(parseQuery(query));
        for (int i = 0; i < route.pathParams().size(); i++) params.put(route.pathParams().get(i), segments.get(i + 1));
        String trace = traceId(ex);
        return applied(fault, api, false, () -> sops(api, route, method, params, body, user, trace, false));
    }

    /** The request is handled; a DROP_APPLIED fault then drops the reply, and may hold the request back a while. */
    private Response applied(Faults.Fault fault, String api, boolean esb, java.util.function.Supplier<Response> work) {
        if (fault == null) return work.get();
        if (fault.value() > 0) {
            synchronized (late) {
                late.add(new LateWrite(clock.now().toEpochMilli() + fault.value(), work));
            }
            return FaultResponses.of(fault, api, esb);
        }
        Response r = work.get();
        r.mode = Faults.Kind.DROP_APPLIED;
        return r;
    }

    /** Applies the held-back writes that are due by the sandbox clock, earliest first. */
    private void landLateWrites() {
        List<LateWrite> due = new ArrayList<>();
        long now = clock.now().toEpochMilli();
        synchronized (late) {
            late.sort(java.util.Comparator.comparingLong(LateWrite::dueAt));
            while (!late.isEmpty() && late.get(0).dueAt() <= now) due.add(late.remove(0));
        }
        due.forEach(w -> w.work().get());
    }

    private Response sopsEsb(String method, String path, String query, String body, String auth, HttpExchange ex) {
        List<String> segments = segments(path.substring(SOPS_ESB.length()));
        SopsRoutes.Route route = segments.size() == 1 ? SopsRoutes.ROUTES.get(segments.get(0)) : null;
        if (route == null || !route.method().equals(method) || !route.esb()) {
            return Response.json(200, esbError(1306404, "Component [" + path + "] not found"));
        }
        String api = segments.get(0);
        Faults.Fault fault = faults.next(api);
        if (fault != null && fault.kind() != Faults.Kind.DROP_APPLIED) return FaultResponses.of(fault, api, true);
        Map<String, Object> params = new LinkedHashMap<>(parseQuery(query));
        Map<String, Object> bodyParams = method.equals("POST") ? parseBody(body) : Map.of();
        if (bodyParams == null) return Response.json(200, esbError(1306406, "Parameters error [request body is not a valid json]"));
        params.putAll(bodyParams);
        String user;
        try {
            user = Auth.verify(auth != null ? Auth.parseHeader(auth) : params);
        } catch (GatewayError e) {
            return Response.gateway(e, true);
        }
        for (String k : List.of("bk_app_code", "bk_app_secret", "bk_token", "bk_username", "access_token")) params.remove(k);
        String trace = traceId(ex);
        return applied(fault, api, true, () -> sops(api, route, method, params, method.equals("POST") ? "" : null, user, trace, true));
    }

    private Response sops(String api, SopsRoutes.Route route, String method, Map<String, Object> params, String body, String user,
                          String traceId, boolean esb) {
        Map<String, Object> out;
        if (method.equals("POST") && body != null) {
            Map<String, Object> b = parseBody(body);
            if (b == null) {
                out = Json.obj("result", false, "message", "invalid param format", "code", 3540000, "data", null);
                return sopsResponse(out, traceId, esb);
            }
            b.forEach(params::putIfAbsent);
        }
        long now = clock.now().toEpochMilli();
        try {
            SopsRoutes.checkScope(params, route);
            // the cache decorator sits below project_inject (decorator order in bk-sops gcloud/apigw/views/get_task_status.py):
            // scope errors come first
            String key = ResponseCache.key(esb, api, user, params);
            out = cache.get(api, key, now);
            if (out == null) {
                out = store.transact(tx -> {
                    PeriodicApi.runDue(tx, now);
                    ClockedApi.runDue(tx, now);
                    return route.handler().apply(new Call(api, params, user, now, tx, esbUrl() + "/o/bk_sops/"));
                });
                cache.put(api, key, out, now);
            }
        } catch (SandboxError e) {
            out = envelope(e);
            if (e.httpStatus() != 200) {
                Response r = Response.json(e.httpStatus(), out);
                r.headers.put("Sops-Trace-Id", traceId);
                return r;
            }
        }
        return sopsResponse(out, traceId, esb);
    }

    private static Response sopsResponse(Map<String, Object> out, String traceId, boolean esb) {
        if (out.remove(Call.NO_TRACE_ID) == null) out.put("trace_id", traceId);
        if (esb) out.put("request_id", Ids.hex32());
        Response r = Response.json(200, out);
        r.headers.put("Sops-Trace-Id", traceId);
        return r;
    }

    private Response job(String method, String rest, String query, String body, String auth, boolean esb) {
        String api = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        if (!JobSimulator.APIS.contains(api)) {
            return esb ? Response.json(200, esbError(1306404, "Component not found"))
                    : Response.gateway(GatewayError.notFound(method, JOB_GATEWAY + rest), false);
        }
        Response fault = fault(api, esb);
        if (fault != null) return fault;
        Map<String, Object> params = new LinkedHashMap<>(parseQuery(query));
        if (!body.isBlank()) {
            Map<String, Object> b = parseBody(body);
            if (b == null) return Response.json(200, Json.obj("result", false, "code", 1240002, "message", "Request body is not a valid json", "data", null));
            params.putAll(b);
        }
        String user;
        try {
            user = Auth.verify(auth != null || !esb ? Auth.parseHeader(auth) : params);
        } catch (GatewayError e) {
            return Response.gateway(e, esb);
        }
        for (String k : List.of("bk_app_code", "bk_app_secret", "bk_token", "bk_username", "access_token")) params.remove(k);
        long now = clock.now().toEpochMilli();
        Map<String, Object> out;
        try {
            out = store.transact(tx -> {
                tx.dirty = true;
                // Time passes for the whole world when any request arrives: a SOPS job node due to start by now must
                // have created its Job instance before Job is asked about it.
                for (World.Task t : tx.world.tasks.values()) {
                    Engine.advance(tx.world, t, now);
                }
                return JobSimulator.handle(tx.world.job, api, method, params, user, java.time.Instant.ofEpochMilli(now));
            });
        } catch (SandboxError e) {
            out = envelope(e);
        }
        if (esb && !out.containsKey("request_id")) {
            out = new LinkedHashMap<>(out);
            out.put("request_id", Ids.hex32());
        }
        return Response.json(200, out);
    }

    private static Map<String, Object> envelope(SandboxError e) {
        Map<String, Object> out = Json.obj("result", false, "data", null, "code", e.code(), "message", e.messageValue());
        out.putAll(e.extra());
        return out;
    }

    private static Map<String, Object> esbError(long code, String message) {
        return Json.obj("result", false, "code", code, "data", null, "message", message,
                "request_id", Ids.hex32());
    }

    private Response fault(String api, boolean esb) {
        Faults.Fault f = faults.next(api);
        return f == null ? null : FaultResponses.of(f, api, esb);
    }

    private Response admin(String method, String path, String body) {
        if (path.equals("/_sandbox/faults")) {
            if (method.equals("POST")) {
                Map<String, Object> b = parseBody(body);
                if (b == null) return Response.text(400, "body must be a JSON object");
                try {
                    faults.configure(b);
                } catch (IllegalArgumentException e) {
                    return Response.text(400, e.getMessage());
                }
            }
            return Response.json(200, faults.describe());
        }
        if (path.equals("/_sandbox/grants")) {
            if (method.equals("POST")) {
                Map<String, Object> b = parseBody(body);
                if (b == null) return Response.text(400, "body must be a JSON object");
                return Response.json(200, grants.configure(b));
            }
            return Response.json(200, grants.describe());
        }
        if (path.equals("/_sandbox/requests") && method.equals("DELETE")) {
            clearRequests();
            return Response.json(200, Json.obj("result", true));
        }
        if (path.equals("/_sandbox/health")) return Response.json(200, Json.obj("result", true, "now", clock.now().toString()));
        return Response.text(404, "unknown sandbox admin path");
    }

    private static String traceId(HttpExchange ex) {
        String tp = ex.getRequestHeaders().getFirst("traceparent");
        return tp != null && !tp.isBlank() ? tp : Ids.hex32();
    }

    private static List<String> segments(String rest) {
        List<String> out = new ArrayList<>();
        for (String s : rest.split("/")) if (!s.isEmpty()) out.add(s);
        return out;
    }

    static Map<String, String> parseQuery(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) return out;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    /** A JSON object body; empty = {}; anything else that is not an object = null. */
    private static Map<String, Object> parseBody(String body) {
        if (body == null || body.isBlank()) return new LinkedHashMap<>();
        try {
            Object o = Json.MAPPER.readValue(body, new TypeReference<Object>() {});
            return o instanceof Map ? new LinkedHashMap<>(Json.map(o)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A response to write; faults may write it in odd ways. */
    static final class Response {
        final int status;
        final Map<String, String> headers = new LinkedHashMap<>();
        final byte[] body;
        /** How a fault bends the writing; null = normal. */
        Faults.Kind mode;
        long modeValue;

        Response(int status, String contentType, byte[] body) {
            this.status = status;
            this.body = body;
            headers.put("Content-Type", contentType);
            headers.put("X-Bkapi-Request-Id", Ids.uuid().toString());
        }

        static Response json(int status, Object body) {
            try {
                return new Response(status, "application/json", Json.MAPPER.writeValueAsBytes(body));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Response text(int status, String text) {
            return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        }

        /** A gateway error; ESB routes rewrite its status to 200 (bk-status-rewrite). */
        static Response gateway(GatewayError e, boolean esb) {
            Map<String, Object> body = e.body();
            if (esb) body.put("request_id", Ids.hex32());
            Response r = json(esb ? 200 : e.status, body);
            r.headers.put("X-Bkapi-Error-Code", String.valueOf(e.code));
            r.headers.put("X-Bkapi-Error-Message", e.getMessage().replaceAll("[^\\x20-\\x7e]", "?"));
            return r;
        }

        void write(HttpExchange ex) throws IOException {
            headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            if (mode != null) {
                FaultResponses.write(this, ex);
                return;
            }
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
