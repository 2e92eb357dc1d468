package bkops.api;

import bkops.Version;
import com.github.mizosoft.methanol.MutableRequest;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns (endpoint, parameters) into the HTTP request each front door expects. The only code that knows URL shapes,
 * where parameters go (path, query, body) and where the credentials go (header or fields).
 */
final class RequestFactory {
    static final String AUTH_HEADER = "X-Bkapi-Authorization";
    private static final String USER_AGENT = "bkops/" + Version.number();

    private final ClientConfig cfg;

    RequestFactory(ClientConfig cfg) {
        this.cfg = cfg;
    }

    /** The request and, for POST, the JSON body it carries (for --debug traces). */
    record Built(HttpRequest request, String body) {}

    Built build(Endpoint e, Map<String, Object> params) {
        Map<String, Object> fields = new LinkedHashMap<>(params);
        StringBuilder url = new StringBuilder(base(e));
        boolean esb = cfg.door() == FrontDoor.ESB;
        if (esb) {
            url.append(e.service() == Endpoint.Service.SOPS ? "/api/c/compapi/v2/sops/" : "/api/c/compapi/v2/jobv3/")
                    .append(e.name()).append('/');
            fields.putAll(cfg.credentials().fields());
        } else if (e.service() == Endpoint.Service.SOPS) {
            url.append('/').append(e.name()).append('/');
            for (String p : e.pathParams()) {
                Object v = fields.remove(p);
                if (v == null) {
                    throw new IllegalArgumentException(e.name() + " needs " + p);
                }
                url.append(encode(String.valueOf(v))).append('/');
            }
        } else {
            url.append("/api/v3/").append(e.name());
        }
        // ESB takes every Job API as POST; SOPS keeps the gateway's method on both doors.
        boolean post = e.method() == Endpoint.Method.POST || (esb && e.service() == Endpoint.Service.JOB);
        MutableRequest req;
        String body = null;
        if (post) {
            body = Json.write(fields);
            req = MutableRequest.POST(URI.create(url.toString()),
                    HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            req.header("Content-Type", "application/json");
        } else {
            String q = query(fields);
            req = MutableRequest.GET(URI.create(q.isEmpty() ? url.toString() : url + "?" + q));
        }
        req.header("Accept", "application/json");
        req.header("User-Agent", USER_AGENT);
        req.header("Blueking-Language", "en");
        if (!esb) {
            req.header(AUTH_HEADER, Json.write(cfg.credentials().fields()));
        }
        if (cfg.timeout() != null) {
            req.timeout(cfg.timeout());
        }
        return new Built(req.toImmutableRequest(), body);
    }

    private String base(Endpoint e) {
        String b = e.service() == Endpoint.Service.SOPS ? cfg.sopsUrl() : cfg.jobUrl();
        if (b == null || b.isBlank()) {
            throw new IllegalStateException("no " + (e.service() == Endpoint.Service.SOPS ? "SOPS" : "Job") + " URL");
        }
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private static String query(Map<String, Object> fields) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            if (f.getValue() == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(encode(f.getKey())).append('=').append(encode(scalar(f.getValue())));
        }
        return sb.toString();
    }

    /** Query values: lists as comma lists (id_in, template_ids), objects as JSON (subprocess_stack). */
    private static String scalar(Object v) {
        if (v instanceof java.util.Collection<?> c) {
            return String.join(",", c.stream().map(String::valueOf).toList());
        }
        if (v instanceof Map<?, ?> || v instanceof com.fasterxml.jackson.databind.JsonNode) {
            return Json.write(v);
        }
        return String.valueOf(v);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
