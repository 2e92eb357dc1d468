package bkops.api;

import com.github.mizosoft.methanol.HttpReadTimeoutException;
import com.github.mizosoft.methanol.Methanol;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
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
import java.util.concurrent.ThreadLocalRandom;

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
    RawResponse exchange(Endpoint e, HttpRequest req, String what) {
        int maxAttempts = 1 + Math.max(0, cfg.retries());
        for (int attempt = 1; ; attempt++) {
            traceRequest(req, attempt);
            long t0 = System.nanoTime();
            try {
                RawResponse r = send(req, t0);
                traceResponse(r);
                if (e.readOnly() && attempt < maxAttempts && retryableStatus(r.status())) {
                    Duration wait = backoff(attempt, r);
                    verbose("retrying " + e.name() + " after HTTP " + r.status() + reason(r) + " in "
                            + wait.toMillis() + " ms (attempt " + (attempt + 1) + " of " + maxAttempts + ")");
                    sleep(wait);
                    continue;
                }
                return r;
            } catch (IOException ex) {
                boolean reached = mayHaveReachedServer(ex);
                boolean retry = attempt < maxAttempts && (e.readOnly() || !reached);
                if (retry) {
                    Duration wait = backoff(attempt, null);
                    verbose("retrying " + e.name() + " after " + describe(ex, req) + " in " + wait.toMillis()
                            + " ms (attempt " + (attempt + 1) + " of " + maxAttempts + ")");
                    sleep(wait);
                    continue;
                }
                String msg = describe(ex, req);
                if (!e.readOnly() && reached) {
                    throw new InDoubtException(e.name(), what + ": not known whether it was applied (" + msg + ")", ex);
                }
                throw new ApiException(ApiException.Kind.TRANSPORT, e.name(), what + ": " + msg, ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new ApiException(ApiException.Kind.TRANSPORT, e.name(), what + ": interrupted", ex);
            }
        }
    }

    private RawResponse send(HttpRequest req, long t0) throws IOException, InterruptedException {
        HttpResponse<InputStream> resp = client().send(req, HttpResponse.BodyHandlers.ofInputStream());
        long declared = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream in = resp.body()) {
            if (declared > MAX_BODY_BYTES) {
                throw new BodyTooLargeException();
            }
            byte[] body = readBounded(in);
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

    private static boolean retryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** Only a failure to connect proves the server never saw the request. */
    private static boolean mayHaveReachedServer(IOException ex) {
        return !(ex instanceof ConnectException || ex instanceof HttpConnectTimeoutException
                || ex instanceof UnknownHostException || ex instanceof SSLException
                || ex.getCause() instanceof java.nio.channels.UnresolvedAddressException);
    }

    String describe(IOException failure, HttpRequest req) {
        IOException ex = rootTimeout(failure);
        URI u = req.uri();
        String host = u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        if (ex instanceof HttpConnectTimeoutException) {
            return "connect timeout: no connection to " + host + " within " + secs(cfg.connectTimeout());
        }
        if (ex instanceof HttpReadTimeoutException) {
            return "read timeout: the response body from " + host + " stalled for more than " + secs(cfg.timeout());
        }
        if (ex instanceof HttpTimeoutException) {
            return "request timeout: no response from " + host + " within " + secs(cfg.timeout())
                    + " (raise it with --timeout)";
        }
        if (ex instanceof ConnectException) {
            return "cannot connect to " + host + " (connection refused)";
        }
        if (ex instanceof UnknownHostException || ex.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
            return "cannot resolve host " + u.getHost();
        }
        if (ex instanceof SSLException) {
            return "TLS with " + host + " failed: " + ex.getMessage()
                    + " (for a private CA use --ca-cert FILE)";
        }
        if (ex instanceof BodyTooLargeException) {
            return ex.getMessage();
        }
        Throwable root = ex;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "connection to " + host + " dropped before the answer was complete (" + m + ")";
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

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new ApiException(ApiException.Kind.TRANSPORT, null, "interrupted", ie);
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
                b.readTimeout(cfg.timeout());
            }
            SSLContext ssl = sslContext();
            if (ssl != null) {
                b.sslContext(ssl);
            }
            client = b.build();
        }
        return client;
    }

    /** null = the JDK default. Plain-http targets get a context that loads no trust store (it costs ~150 ms). */
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
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[0], null);
                return ctx;
            }
            return null;
        } catch (java.security.GeneralSecurityException | IOException ex) {
            throw new ApiException(ApiException.Kind.TRANSPORT, null, "cannot set up TLS: " + ex.getMessage(), ex);
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
        }
        if (i == 0) {
            throw new IOException("no certificate in " + cfg.caCert());
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
            c.getClass().getMethod("shutdownNow").invoke(c);
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
