package bkops.api;

import bkops.i18n.Text;
import com.github.mizosoft.methanol.HttpReadTimeoutException;
import com.github.mizosoft.methanol.Methanol;
import com.github.mizosoft.methanol.MutableRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Sends requests on one lazily built Methanol client: timeouts, bounded body size, safe retries, masked tracing.
 * Reads are retried on connection failures, 429 and 502/503/504; a state-changing call only when the connection
 * was never made, so a retry cannot run an operation twice.
 */
final class Transport implements AutoCloseable {
    static final long MAX_BODY_BYTES = 32L * 1024 * 1024;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    record RawResponse(int status, HttpHeaders headers, byte[] body, long millis) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final ClientConfig cfg;
    private final Redactor redactor;
    private HttpClient client;

    Transport(ClientConfig cfg, Redactor redactor) {
        this.cfg = cfg;
        this.redactor = redactor;
    }

    /** {@code what} names the action for messages, e.g. "start task 12". */
    RawResponse exchange(Endpoint e, HttpRequest req, Text what) {
        if (!e.readOnly() && cfg.writesRefused() != null) {
            // defence in depth behind cli/ChangeRunner: a write that bypasses it still cannot leave a read-only session
            throw new ApiException(ApiException.Kind.REFUSED, e.name(),
                    Envelope.call(what, Text.of("errors.api.not-sent", cfg.writesRefused())), null);
        }
        int maxAttempts = 1 + Math.max(0, cfg.retries());
        Deadline limit = deadline();
        for (int attempt = 1; ; attempt++) {
            traceRequest(req, attempt);
            long t0 = System.nanoTime();
            Duration budget = limit.left();
            try {
                RawResponse r = send(within(req, limit), t0, limit);
                traceResponse(r);
                if (e.readOnly() && attempt < maxAttempts && retryableStatus(r.status())) {
                    Duration wait = backoff(attempt, r);
                    if (!limit.allows(wait)) {
                        throw givenUp(e, r, what, Text.of("errors.api.not-retried", secs(wait), limit.name));
                    }
                    verbose("retrying " + e.name() + " after HTTP " + r.status() + reason(r) + " in "
                            + wait.toMillis() + " ms (attempt " + (attempt + 1) + " of " + maxAttempts + ")");
                    sleep(wait);
                    continue;
                }
                if (!e.readOnly() && inDoubt(r)) {
                    throw new InDoubtException(e.name(), r.status(), r.header("X-Bkapi-Error-Code"),
                            r.header("X-Bkapi-Request-Id"), Envelope.call(what, Text.of("errors.api.in-doubt", doubt(r))));
                }
                return r;
            } catch (IOException ex) {
                boolean reached = mayHaveReachedServer(ex);
                boolean retry = attempt < maxAttempts && (e.readOnly() || !reached) && !permanent(ex);
                Duration wait = retry ? backoff(attempt, null) : null;
                if (retry && limit.allows(wait)) {
                    verbose("retrying " + e.name() + " after " + describe(ex, req, limit, budget).english() + " in " + wait.toMillis()
                            + " ms (attempt " + (attempt + 1) + " of " + maxAttempts + ")");
                    sleep(wait);
                    continue;
                }
                Text msg = describe(ex, req, limit, budget);
                if (!e.readOnly() && reached) {
                    throw new InDoubtException(e.name(), Envelope.call(what, Text.of("errors.api.in-doubt", msg)), ex);
                }
                throw new ApiException(ApiException.Kind.TRANSPORT, e.name(), Envelope.call(what, msg), ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new ApiException(ApiException.Kind.TRANSPORT, e.name(),
                        Envelope.call(what, Text.of("errors.api.interrupted")), ex);
            }
        }
    }

    private RawResponse send(HttpRequest req, long t0, Deadline limit) throws IOException, InterruptedException {
        HttpResponse<InputStream> resp = client().send(req, HttpResponse.BodyHandlers.ofInputStream());
        long declared = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream in = resp.body()) {
            if (declared > MAX_BODY_BYTES) {
                throw new BodyTooLargeException();
            }
            byte[] body = readBefore(in, limit);
            return new RawResponse(resp.statusCode(), resp.headers(), body, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] buf = in.readNBytes((int) MAX_BODY_BYTES + 1);
        if (buf.length > MAX_BODY_BYTES) {
            throw new BodyTooLargeException();
        }
        return buf;
    }

    /** Not a transport fault of the network, but reported the same way: we refuse to hold the body in memory. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("response body larger than " + (MAX_BODY_BYTES >> 20) + " MiB; refused");
        }
    }

    // ---- deadlines ----

    /**
     * When one call must be over: --timeout after it starts, retries included (so that a trickling body, a stall or a
     * long Retry-After never keeps an operator waiting past it), or the outer deadline when that comes first.
     */
    private static final class Deadline {
        /** System.nanoTime() at the end; meaningless when unbounded. */
        final long end;
        final boolean unbounded;
        /** The limit in an operator's words, e.g. "the 3s timeout" (a String or a Text). */
        final Object name;
        final boolean outer;

        Deadline(long end, boolean unbounded, Object name, boolean outer) {
            this.end = end;
            this.unbounded = unbounded;
            this.name = name;
            this.outer = outer;
        }

        /** Time left (at least 1 ms, so that a request always carries a timeout); null when unbounded. */
        Duration left() {
            return unbounded ? null : Duration.ofNanos(Math.max(1_000_000, end - System.nanoTime()));
        }

        /** Whether waiting {@code d} still leaves time for another attempt. */
        boolean allows(Duration d) {
            return unbounded || end - System.nanoTime() > d.toNanos();
        }
    }

    private volatile long outerEnd;
    private volatile Object outerName;

    /**
     * Bounds every later call by an outer deadline {@code fromNow} (a wait's --timeout), named in messages by
     * {@code name}; null clears it. A request never outlives it, whatever its own timeout.
     */
    void outerDeadline(Duration fromNow, Object name) {
        outerName = null;
        if (fromNow != null) {
            outerEnd = System.nanoTime() + fromNow.toNanos();
            outerName = name;
        }
    }

    /**
     * A wait reads the status once more when its deadline comes (that read decides between 124 and the task's end):
     * a read that starts at or near the deadline still gets this long.
     */
    private static final Duration LAST_LOOK = Duration.ofSeconds(1);

    private Deadline deadline() {
        Object outer = outerName;
        long now = System.nanoTime();
        long outerAt = outerEnd - (now + LAST_LOOK.toNanos()) < 0 ? now + LAST_LOOK.toNanos() : outerEnd;
        if (cfg.timeout() == null) {
            return outer == null ? new Deadline(0, true, null, false) : new Deadline(outerAt, false, outer, true);
        }
        long own = now + cfg.timeout().toNanos();
        if (outer != null && outerAt - own < 0) {
            return new Deadline(outerAt, false, outer, true);
        }
        return new Deadline(own, false, Text.of("errors.api.timeout-name", secs(cfg.timeout())), false);
    }

    /** The decoded failure of a retryable answer we stop retrying, with the reason we stopped. */
    private static ApiException givenUp(Endpoint e, RawResponse r, Text what, Text why) {
        try {
            Envelope.decode(e, r, what);
        } catch (ApiException ae) {
            return new ApiException(ae.kind(), ae.api(), ae.httpStatus(), ae.code(), ae.serverMessage(), ae.requestId(),
                    Text.of("errors.api.given-up", ae.text(), why), null);
        }
        return new ApiException(ApiException.Kind.TRANSPORT, e.name(), r.status(), null, null, null,
                Envelope.call(what, Text.of("errors.api.given-up.http", r.status(), why)), null);
    }

    /** The request with the time left as its timeout (the JDK's covers the connection and the headers). */
    private static HttpRequest within(HttpRequest req, Deadline limit) {
        Duration left = limit.left();
        return left == null ? req : MutableRequest.copyOf(req).timeout(left).toImmutableRequest();
    }

    /**
     * Reads the body before the deadline. Methanol's read timeout fires only when the body stalls, so a server that
     * sends a byte a second would hold us for ever: at the deadline a watchdog closes the stream under the reader.
     */
    private static byte[] readBefore(InputStream in, Deadline limit) throws IOException {
        Duration left = limit.left();
        if (left == null) {
            return readBounded(in);
        }
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> alarm = Watchdog.TIMER.schedule(() -> {
            fired.set(true);
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is all we want: the reader sees it
            }
        }, left.toNanos(), TimeUnit.NANOSECONDS);
        try {
            byte[] body = readBounded(in);
            if (fired.get()) {
                throw new BodyDeadlineException();
            }
            return body;
        } catch (IOException ex) {
            throw fired.get() ? new BodyDeadlineException() : ex;
        } finally {
            alarm.cancel(false);
        }
    }

    /** The body was still arriving when the call's deadline came. */
    static final class BodyDeadlineException extends HttpTimeoutException {
        BodyDeadlineException() {
            super("the response body was not complete by the deadline");
        }
    }

    /** One daemon timer thread for the whole process (the daemon serves many commands), shared with Methanol's. */
    private static final class Watchdog {
        static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "bkops-deadline");
            t.setDaemon(true);
            return t;
        });

        static {
            TIMER.setRemoveOnCancelPolicy(true);
        }
    }

    /**
     * An answer to a write that does not say whether it was applied: the gateway's 502 (it lost the backend's reply,
     * ERROR_REQUESTING_RESOURCE) or 504 (it stopped waiting while the backend may go on, REQUEST_BACKEND_TIMEOUT), or
     * a 200 whose JSON body is cut off.
     */
    private static boolean inDoubt(RawResponse r) {
        return r.status() == 502 || r.status() == 504 || r.status() == 200 && cutOff(r.body());
    }

    private static boolean cutOff(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (!text.startsWith("{")) {
            return false; // not JSON at all (a login page): the envelope reports it
        }
        try {
            Json.read(text);
            return false;
        } catch (IOException incomplete) {
            return true;
        }
    }

    private static String doubt(RawResponse r) {
        return r.status() == 200 ? "HTTP 200 with a body cut off after " + r.body().length + " bytes"
                : "HTTP " + r.status() + " from the gateway" + reason(r);
    }

    private static boolean retryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** Only a failure to connect proves the server never saw the request. */
    private static boolean mayHaveReachedServer(IOException ex) {
        return !(ex instanceof ConnectException || ex instanceof HttpConnectTimeoutException
                || ex instanceof UnknownHostException || ex instanceof SSLException || unresolved(ex));
    }

    /**
     * A failure a retry would meet again: an unknown host stays unknown for a while (the resolver caches the failure,
     * networkaddress.cache.negative.ttl), an oversized body comes back oversized.
     */
    private static boolean permanent(IOException ex) {
        return unresolved(ex) || ex instanceof BodyTooLargeException;
    }

    /**
     * The host name did not resolve. The JDK client reports it as a ConnectException wrapping a ConnectException
     * wrapping an UnresolvedAddressException (JDK 17), so the whole chain is searched.
     */
    private static boolean unresolved(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    /** {@code budget}: the time the attempt had, which tells the connect timeout from the call's own. */
    private Text describe(IOException failure, HttpRequest req, Deadline limit, Duration budget) {
        IOException ex = rootTimeout(failure);
        URI u = req.uri();
        String host = u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        if (unresolved(ex)) {
            return Text.of("errors.api.unresolved", u.getHost());
        }
        if (ex instanceof HttpConnectTimeoutException && (budget == null || cfg.connectTimeout().compareTo(budget) <= 0)) {
            return Text.of("errors.api.connect-timeout", host, secs(cfg.connectTimeout()));
        }
        if (ex instanceof HttpConnectTimeoutException) { // the call's own limit was the shorter one
            return timedOut(Text.of("errors.api.timed-out.no-connection", host), limit);
        }
        if (ex instanceof BodyDeadlineException) {
            return timedOut(Text.of("errors.api.timed-out.incomplete", host), limit);
        }
        if (ex instanceof HttpReadTimeoutException) {
            return Text.of("errors.api.read-timeout", host, secs(cfg.timeout()));
        }
        if (ex instanceof HttpTimeoutException) {
            return timedOut(Text.of("errors.api.timed-out.no-response", host), limit);
        }
        if (ex instanceof ConnectException) {
            return Text.of("errors.api.refused", host);
        }
        if (ex instanceof SSLException) {
            return Text.of("errors.api.tls", host, ex.getMessage());
        }
        if (ex instanceof BodyTooLargeException) {
            return Text.of("errors.api.too-large", MAX_BODY_BYTES >> 20);
        }
        Throwable root = ex;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return Text.of("errors.api.dropped", host, m);
    }

    /** "request timeout: WHAT within 3s (raise it with --timeout)", or "WHAT when the wait's deadline passed". */
    private Text timedOut(Text what, Deadline limit) {
        if (limit.outer) {
            return Text.of("errors.api.timed-out.outer", what, limit.name);
        }
        return Text.of("errors.api.timed-out", what, secs(cfg.timeout()));
    }

    /** A timeout surfaces wrapped (reading the body stream says only "closed"): name the timeout that fired. */
    private static IOException rootTimeout(IOException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof HttpReadTimeoutException) {
                return (IOException) t;
            }
        }
        return ex;
    }

    private static String secs(Duration d) {
        if (d == null) {
            return "the limit";
        }
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }

    /** Full jitter exponential backoff, unless the server said when to come back. */
    private static Duration backoff(int attempt, RawResponse r) {
        if (r != null) {
            Duration told = serverDelay(r);
            if (told != null) {
                return told.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : told;
            }
        }
        long cap = Math.min(5000, 200L << Math.min(attempt, 10));
        return Duration.ofMillis(100 + ThreadLocalRandom.current().nextLong(cap));
    }

    private static Duration serverDelay(RawResponse r) {
        for (String h : new String[] {"Retry-After", "X-Bkapi-RateLimit-Reset"}) {
            String v = r.header(h);
            if (v != null) {
                try {
                    double s = Double.parseDouble(v.trim());
                    return Duration.ofMillis(Math.max(0, (long) (s * 1000)));
                } catch (NumberFormatException ignored) {
                    // an HTTP date or garbage: fall back to our own backoff
                }
            }
        }
        return null;
    }

    private static String reason(RawResponse r) {
        String code = r.header("X-Bkapi-Error-Code");
        String reset = r.header("X-Bkapi-RateLimit-Reset");
        StringBuilder sb = new StringBuilder();
        if (code != null) sb.append(" (gateway code ").append(code).append(')');
        if (reset != null) sb.append(" (rate limit resets in ").append(reset).append("s)");
        return sb.toString();
    }

    /** Waits before a retry, as the run waits ({@link ClientConfig#sleeper}). */
    private void sleep(Duration d) {
        try {
            cfg.sleeper().sleep(d);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new ApiException(ApiException.Kind.TRANSPORT, null, Text.of("errors.api.interrupted"), ie);
        }
    }

    private void traceRequest(HttpRequest req, int attempt) {
        ClientConfig.Trace t = cfg.trace();
        if (t.verboseEnabled() || t.debugEnabled()) {
            t.verbose(redactor.mask("-> " + req.method() + " " + req.uri() + (attempt > 1 ? " (attempt " + attempt + ")" : "")));
        }
        if (t.debugEnabled()) {
            req.headers().map().forEach((k, vs) -> vs.forEach(v -> t.debug(redactor.mask("   " + k + ": " + v))));
        }
    }

    private void traceResponse(RawResponse r) {
        ClientConfig.Trace t = cfg.trace();
        if (t.verboseEnabled() || t.debugEnabled()) {
            String rid = r.header("X-Bkapi-Request-Id");
            t.verbose("<- HTTP " + r.status() + " in " + r.millis() + " ms, " + r.body().length + " bytes"
                    + (rid != null ? ", request id " + rid : ""));
        }
        if (t.debugEnabled()) {
            r.headers().map().forEach((k, vs) -> vs.forEach(v -> t.debug(redactor.mask("   " + k + ": " + v))));
            String body = new String(r.body(), 0, Math.min(r.body().length, 4096), StandardCharsets.UTF_8);
            t.debug(redactor.mask("   " + body.replace("\n", "\n   ")));
        }
    }

    private void verbose(String line) {
        ClientConfig.Trace t = cfg.trace();
        if (t.verboseEnabled() || t.debugEnabled()) {
            t.verbose(redactor.mask(line));
        }
    }

    void traceBody(HttpRequest req, String body) {
        if (cfg.trace().debugEnabled() && body != null) {
            cfg.trace().debug(redactor.mask("   body: " + body));
        }
    }

    private HttpClient client() {
        if (client == null) {
            Methanol.Builder b = Methanol.newBuilder()
                    .connectTimeout(cfg.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1);
            if (cfg.timeout() != null) {
                b.readTimeout(cfg.timeout(), Watchdog.TIMER); // one timer thread for both kinds of timeout
            }
            SSLContext ssl = sslContext();
            if (ssl != null) {
                b.sslContext(ssl);
            }
            if (ssl instanceof PlainHttpTls.Context) {
                b.sslParameters(PlainHttpTls.parameters());
            }
            client = b.build();
        }
        return client;
    }

    /** null = the JDK default. Plain-http targets get one that sets nothing up unless used (PlainHttpTls). */
    private SSLContext sslContext() {
        try {
            if (cfg.insecure()) {
                // This client only: the trust manager skips the chain and the host name check (an extended trust
                // manager is not wrapped by the JDK's own identity check). No JVM-wide switch, so in the daemon one
                // --insecure command leaves the next commands verified.
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {new TrustAll()}, null);
                return ctx;
            }
            if (cfg.caCert() != null) {
                return withCa();
            }
            if (!isHttps(cfg.sopsUrl()) && !isHttps(cfg.jobUrl())) {
                return PlainHttpTls.context();
            }
            return null;
        } catch (java.security.GeneralSecurityException | IOException ex) {
            throw new ApiException(ApiException.Kind.TRANSPORT, null, Text.of("errors.api.tls-setup", ex.getMessage()), ex);
        }
    }

    private SSLContext withCa() throws java.security.GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        int i = 0;
        try (InputStream in = Files.newInputStream(cfg.caCert())) {
            for (Certificate c : cf.generateCertificates(in)) {
                ks.setCertificateEntry("ca" + i++, c);
            }
        } catch (IOException | java.security.cert.CertificateException ex) {
            // the operator's file, not the network: a usage error
            throw new ApiException(ApiException.Kind.USAGE, null,
                    Text.of("errors.api.ca-cert.unreadable", cfg.caCert(), ex.getMessage()), ex);
        }
        if (i == 0) {
            throw new ApiException(ApiException.Kind.USAGE, null, Text.of("errors.api.ca-cert.empty", cfg.caCert()), null);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static boolean isHttps(String url) {
        return url != null && url.toLowerCase(Locale.ROOT).startsWith("https:");
    }

    private static final class TrustAll extends X509ExtendedTrustManager {
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s) {}
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s) {}
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e) {}
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e) {}
        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }

    /**
     * Stops the client's selector thread before the JVM exits: while it sits in epoll_wait the JVM waits ~300 ms at
     * exit for it (measured: 370 ms -> 30 ms). JDK 21+ has shutdownNow(); on JDK 17-20 the selector manager's own
     * shutdown() does the same when the launcher opened the package
     * (--add-opens java.net.http/jdk.internal.net.http=ALL-UNNAMED); otherwise nothing.
     */
    @Override
    public void close() {
        if (client == null) {
            return;
        }
        HttpClient c = client;
        client = null;
        try {
            // looked up on HttpClient, public: Methanol's own class is not, so its Method could not be invoked (on
            // JDK 25 every run still waited ~300 ms at exit)
            HttpClient.class.getMethod("shutdownNow").invoke(c);
            return;
        } catch (ReflectiveOperationException | RuntimeException notOnThisJdk) {
            // fall through
        }
        try {
            HttpClient backend = c instanceof Methanol m ? m.underlyingClient() : c;
            java.lang.reflect.Field implField = backend.getClass().getDeclaredField("impl");
            implField.setAccessible(true);
            Object impl = implField.get(backend);
            java.lang.reflect.Field selField = impl.getClass().getDeclaredField("selmgr");
            selField.setAccessible(true);
            Thread selector = (Thread) selField.get(impl);
            java.lang.reflect.Method shutdown = selector.getClass().getDeclaredMethod("shutdown");
            shutdown.setAccessible(true);
            shutdown.invoke(selector);
            selector.join(200);
        } catch (ReflectiveOperationException | RuntimeException notOpened) {
            // the package is not opened (tests, another launcher): the JVM just exits a little later
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
