package bkops.api;

import bkops.i18n.Text;
import bkops.model.Traceback;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Decodes a response once, for both services and both front doors: success only when {@code result} is true;
 * business errors (HTTP 200, result false), gateway errors (4xx/5xx with code_name and X-Bkapi-Error-* headers, or
 * HTTP 200 with a 16xxxxx code behind ESB), the two IAM denial forms, and bodies that are not the API's JSON.
 */
final class Envelope {
    private Envelope() {}

    /** The parsed body of a successful call. */
    static JsonNode decode(Endpoint e, Transport.RawResponse r, String what) {
        return decode(e, r, Text.of("errors.api.what", what));
    }

    /** {@code what}: the action, a text of the catalogue (errors.api.what.*). */
    static JsonNode decode(Endpoint e, Transport.RawResponse r, Text what) {
        String requestId = requestId(r, null);
        JsonNode body = parse(r);
        if (body != null) {
            requestId = requestId(r, body);
        }
        String gatewayCode = r.header("X-Bkapi-Error-Code");
        if (body == null || !body.isObject()) {
            throw notJson(e, r, what, requestId, gatewayCode);
        }
        JsonNode result = body.get("result");
        boolean ok = result != null && result.asBoolean(false)
                && (!body.has("code") || body.path("code").asLong(0) == 0 || e.service() == Endpoint.Service.SOPS);
        if (ok && r.status() < 300 && gatewayCode == null) {
            return body;
        }
        throw failure(e, r, body, what, requestId, gatewayCode);
    }

    static JsonNode data(JsonNode body) {
        JsonNode d = body.get("data");
        return d == null ? MissingNode.getInstance() : d;
    }

    private static JsonNode parse(Transport.RawResponse r) {
        byte[] b = r.body();
        if (b.length == 0) {
            return null;
        }
        try {
            return Json.read(b);
        } catch (java.io.IOException ex) {
            return null;
        }
    }

    private static ApiException notJson(Endpoint e, Transport.RawResponse r, Text what, String rid, String gwCode) {
        int s = r.status();
        Text kindOfBody = describeBody(r);
        if (s == 401 || s == 403) {
            return new ApiException(ApiException.Kind.AUTH, e.name(), s, gwCode, null, rid, call(what, Text.of("errors.api.not-authorised", s, kindOfBody)), null);
        }
        Text msg;
        if (s >= 500) {
            msg = Text.of("errors.api.server-error", s, kindOfBody);
        } else if (kindOfBody.key().startsWith("errors.api.body.html")) {
            msg = Text.of("errors.api.html-instead", kindOfBody);
        } else {
            msg = Text.of("errors.api.not-json", kindOfBody);
        }
        return new ApiException(ApiException.Kind.TRANSPORT, e.name(), s, gwCode, null, rid, call(what, msg), null);
    }

    /** "WHAT: WHY", the frame of every failed call's line. */
    static Text call(Text what, Object why) {
        return Text.of("errors.api.call", what, why);
    }

    /** What the body was, when it is not the API's JSON. */
    private static Text describeBody(Transport.RawResponse r) {
        byte[] b = r.body();
        if (b.length == 0) {
            return Text.of("errors.api.body.empty");
        }
        String text = new String(b, 0, Math.min(b.length, 2048), StandardCharsets.UTF_8).strip();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<body")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?is)<title>(.*?)</title>").matcher(text);
            return m.find() ? Text.of("errors.api.body.html-titled", oneLine(m.group(1))) : Text.of("errors.api.body.html");
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            return Text.of("errors.api.body.json-cut", b.length);
        }
        return Text.of("errors.api.body.text", clip(oneLine(text), 120));
    }

    private static ApiException failure(Endpoint e, Transport.RawResponse r, JsonNode body, Text what, String rid,
                                        String gwCode) {
        int status = r.status();
        String code = body.hasNonNull("code") ? body.get("code").asText() : gwCode;
        String codeName = body.path("code_name").asText(null);
        String message = message(body.get("message"));
        if (message == null || message.isEmpty()) {
            message = r.header("X-Bkapi-Error-Message");
        }
        // A traceback's frames quote source lines; only its exception line says what happened.
        ApiException.Kind kind = classify(e, status, code, codeName, Traceback.exception(message),
                gwCode != null || codeName != null);
        return new ApiException(kind, e.name(), status, code, message, rid,
                call(what, explain(kind, status, codeName, message, e)), null);
    }

    static ApiException.Kind classify(Endpoint e, int status, String code, String codeName, String message,
                                      boolean fromGateway) {
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        long c = parseLong(code);
        // IAM denial: the current form (3599999 + "iam authentication exception") and the old one (9900403, HTTP 499).
        if (c == 9900403 || m.startsWith("iam authentication exception") || status == 499) {
            return ApiException.Kind.AUTH;
        }
        if (status == 401 || status == 403 || c == 1640100 || c == 1640101 || c == 1640102 || c == 1640004
                || (c >= 1640300 && c < 1640400) || c == 1306401 || c == 1306402 || c == 1306403
                || c == 1247002 || c == 1247004) {
            return ApiException.Kind.AUTH;
        }
        if (c == 1640001 && (m.contains("app code") || m.contains("app_code") || m.contains("app secret")
                || m.contains("bk_app_secret") || m.contains("user authentication") || m.contains("access_token")
                || m.contains("app not found") || m.contains("bk_signature") || m.contains("username"))) {
            return ApiException.Kind.AUTH;
        }
        if (c == 1640401 || (fromGateway && status == 404)) {
            return ApiException.Kind.TRANSPORT; // the gateway has no such API here: wrong URL, stage or front door
        }
        if (status == 429 || status >= 500 || (c >= 1642900 && c < 1643000) || (c >= 1650000 && c < 1660000)) {
            return ApiException.Kind.TRANSPORT;
        }
        if (c == 1641301 || c == 1641401 || c == 1640001) {
            return ApiException.Kind.USAGE;
        }
        if (c == 3540400 || c == 1244006 || c == 1244007 || c == 1243049 || c == 1306404
                || m.contains("does not exist") || m.contains("未找到节点") || m.contains("does not have node")
                || m.contains("not exist or archived")) {
            return ApiException.Kind.NOT_FOUND;
        }
        if (status >= 400) {
            return ApiException.Kind.TRANSPORT;
        }
        return ApiException.Kind.REFUSED;
    }

    /** Our words around the server's message (kept as it came, on one line): a Text, or the message alone. */
    private static Object explain(ApiException.Kind kind, int status, String codeName, String message, Endpoint e) {
        // Engine refusals come as "fail: " + a Python traceback: the exception line is what the operator needs.
        String m = message == null ? null : clip(oneLine(reason(Traceback.exception(message))), 300);
        Object said = m == null ? Text.of("errors.api.no-message") : m;
        return switch (kind) {
            // The gateway's own permission check (bk-apigateway bk-permission, 403 APP_NO_PERMISSION 1640301): the app
            // lacks the grant of this resource, which IAM cannot give. A private resource (isPublic and
            // allowApplyPermission false in bk-sops api-resources.yml) cannot be applied for at all.
            case AUTH -> "APP_NO_PERMISSION".equals(codeName)
                    ? Text.of(e.adminGrant() ? "errors.api.denied.private" : "errors.api.denied.apply", said, e.name())
                    : (m != null && (m.toLowerCase(java.util.Locale.ROOT).startsWith("iam authentication exception")
                    || m.contains("no permission"))
                    ? Text.of("errors.api.denied.iam", said)
                    : Text.of("errors.api.auth-failed", said));
            case TRANSPORT -> codeName != null && codeName.equals("API_NOT_FOUND")
                    ? Text.of("errors.api.no-such-api", e.name(), said)
                    : status == 429 ? Text.of("errors.api.rate-limited", said)
                    : codeName != null ? Text.of("errors.api.code-name", codeName, said) : said;
            default -> said;
        };
    }

    private static final java.util.regex.Pattern REASON =
            java.util.regex.Pattern.compile("^Parameters error \\[reason=\"(.*)\"\\]$", java.util.regex.Pattern.DOTALL);

    /** The gateway wraps the useful part: Parameters error [reason="..."]. */
    private static String reason(String message) {
        java.util.regex.Matcher m = REASON.matcher(message.strip());
        return m.matches() ? m.group(1) : message;
    }

    /** message may be a string or, for form validation errors, an object of field -> [messages]. */
    static String message(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isObject()) {
            StringBuilder sb = new StringBuilder();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (sb.length() > 0) sb.append("; ");
                sb.append(f.getKey()).append(": ");
                JsonNode v = f.getValue();
                if (v.isArray()) {
                    StringBuilder parts = new StringBuilder();
                    for (JsonNode x : v) {
                        if (parts.length() > 0) parts.append(", ");
                        parts.append(x.isTextual() ? x.asText() : x.toString());
                    }
                    sb.append(parts);
                } else {
                    sb.append(v.isTextual() ? v.asText() : v.toString());
                }
            }
            return sb.toString();
        }
        return node.toString();
    }

    /** The id a support engineer needs: the gateway's request id first, then the body's ids. */
    static String requestId(Transport.RawResponse r, JsonNode body) {
        String h = r.header("X-Bkapi-Request-Id");
        if (h != null && !h.isBlank()) {
            return h;
        }
        if (body != null) {
            for (String f : new String[] {"request_id", "job_request_id", "trace_id"}) {
                String v = body.path(f).asText("");
                if (!v.isBlank()) {
                    return v;
                }
            }
        }
        String t = r.header("Sops-Trace-Id");
        return t == null || t.isBlank() ? null : t;
    }

    private static long parseLong(String s) {
        if (s == null) return -1;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "...";
    }
}
