package bkops.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Misbehaviour on request: latency for every request, a random 5xx rate, and queued faults that fire a number of
 * times (optionally only for one API name). Settable in code, through {@code POST /_sandbox/faults} and by
 * {@code sandbox serve} flags.
 */
public final class Faults {
    /** What a queued fault does to the response. */
    public enum Kind {
        /** 429 with the gateway body and X-Bkapi-RateLimit-* headers. */ RATE_LIMIT,
        /** a 5xx (status, default 500) with a plain-text body. */ SERVER_ERROR,
        /** an HTML login page with status 200. */ HTML_LOGIN,
        /** the real JSON body cut in half. */ TRUNCATED,
        /** headers and half the body, then the connection is dropped. */ DROP,
        /**
         * the reply is dropped like DROP, yet the request is applied: at once ({@code value} 0) or {@code value}
         * milliseconds of the sandbox clock later (a write that lands after its reply was lost). SOPS APIs only.
         */ DROP_APPLIED,
        /** headers sent, then a stall of {@code millis} before the body. */ STALL,
        /** a valid JSON body of about {@code size} megabytes (default 50). */ HUGE,
        /** a business error whose message is an object. */ MESSAGE_OBJECT,
        /** the current IAM denial: HTTP 200, 3599999 "iam authentication exception...". */ IAM_DENIED,
        /** the old IAM denial: HTTP 499, 9900403 with a permission object. */ IAM_DENIED_OLD,
        /** gateway 401 APP_VERIFY_FAILED. */ GATEWAY_401,
        /** gateway 403 APP_NO_PERMISSION. */ GATEWAY_403,
        /** gateway 404 API_NOT_FOUND. */ GATEWAY_404
    }

    /** One queued fault. {@code api} null = any API; {@code value} = status, stall millis or size in MB by kind. */
    public record Fault(Kind kind, int times, String api, long value) {
        public Fault {
            if (times < 1) throw new IllegalArgumentException("times must be at least 1");
        }
    }

    private volatile long latencyMillis;
    private volatile double failRate;
    private final List<Fault> queue = new ArrayList<>();

    public void latency(Duration d) {
        latencyMillis = d.toMillis();
    }

    public void failRate(double rate) {
        if (rate < 0 || rate > 1) throw new IllegalArgumentException("fail rate must be between 0 and 1");
        failRate = rate;
    }

    public synchronized void add(Fault f) {
        queue.add(f);
    }

    /** Queues a fault that fires {@code times} times on any API (value: see {@link Fault}). */
    public void add(Kind kind, int times) {
        add(new Fault(kind, times, null, 0));
    }

    public synchronized void clear() {
        queue.clear();
        latencyMillis = 0;
        failRate = 0;
    }

    long latencyMillis() {
        return latencyMillis;
    }

    /** The fault to apply to this request, if any (consumes one firing). */
    synchronized Fault next(String api) {
        for (Iterator<Fault> it = queue.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if (f.api() != null && !f.api().equals(api)) continue;
            it.remove();
            if (f.times() > 1) queue.add(0, new Fault(f.kind(), f.times() - 1, f.api(), f.value()));
            return f;
        }
        double rate = failRate;
        if (rate > 0 && ThreadLocalRandom.current().nextDouble() < rate) {
            int[] statuses = {500, 502, 503, 504};
            return new Fault(Kind.SERVER_ERROR, 1, null, statuses[ThreadLocalRandom.current().nextInt(4)]);
        }
        return null;
    }

    /** Applies an admin request body: {"clear":true, "latency_ms":N, "fail_rate":X, "add":[{"kind","times","api","value"}]}. */
    synchronized void configure(Map<String, Object> body) {
        if (Boolean.TRUE.equals(body.get("clear"))) clear();
        if (body.get("latency_ms") instanceof Number n) latencyMillis = n.longValue();
        if (body.get("fail_rate") instanceof Number n) failRate(n.doubleValue());
        if (body.get("add") instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> f = Json.map(o);
                Kind kind = Kind.valueOf(String.valueOf(f.get("kind")).toUpperCase(Locale.ROOT));
                Long times = Json.asLong(f.getOrDefault("times", 1));
                Long value = Json.asLong(f.getOrDefault("value", 0));
                add(new Fault(kind, times == null ? 1 : times.intValue(), Json.str(f.get("api")), value == null ? 0 : value));
            }
        }
    }

    synchronized Map<String, Object> describe() {
        List<Object> q = new ArrayList<>();
        for (Fault f : queue) q.add(Json.obj("kind", f.kind().name().toLowerCase(Locale.ROOT), "times", f.times(), "api", f.api(), "value", f.value()));
        return Json.obj("latency_ms", latencyMillis, "fail_rate", failRate, "queue", q);
    }
}
