package bkops.api;

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

    private static ApiException notJson(Endpoint e, Transport.RawResponse r, String what, String rid, String gwCode) {
        int s = r.status();
        String kindOfBody = describeBody(r);
        if (s == 401 || s == 403) {
            return new ApiException(ApiException.Kind.AUTH, e.name(), s, gwCode, null, rid,
                    what + ": not authorised (HTTP " + s + (kindOfBody.isEmpty() ? "" : ", " + kindOfBody) + ")", null);
        }
        String msg;
        if (s >= 500) {
            msg = what + ": server error HTTP " + s + (kindOfBody.isEmpty() ? "" : ": " + kindOfBody);
        } else if (kindOfBody.startsWith("an HTML page")) {
            msg = what + ": the server answered with " + kindOfBody
                    + " instead of the API's JSON (a login page or proxy? check the URL and credentials)";
        } else {
            msg = what + ": the server's answer is not the API's JSON (" + kindOfBody + ")";
        }
        return new ApiException(ApiException.Kind.TRANSPORT, e.name(), s, gwCode, null, rid, msg, null);
    }

    private static String describeBody(Transport.RawResponse r) {
        byte[] b = r.body();
        if (b.length == 0) {
            return "an empty body";
        }
        String text = new String(b, 0, Math.min(b.length, 2048), StandardCharsets.UTF_8).strip();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<body")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?is)<title>(.*?)</title>").matcher(text);
            return "an HTML page" + (m.find() ? " titled \"" + oneLine(m.group(1)) + "\"" : "");
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            return "JSON cut off after " + b.length + " bytes";
        }
        return "\"" + clip(oneLine(text), 120) + "\"";
    }

    private static ApiException failure(Endpoint e, Transport.RawResponse r, JsonNode body, String what, String rid,
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
        String text = what + ": " + explain(kind, status, codeName, message, e);
        return new ApiException(kind, e.name(), status, code, message, rid, text, null);
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

    private static String explain(ApiException.Kind kind, int status, String codeName, String message, Endpoint e) {
        // Engine refusals come as "fail: " + a Python traceback: the exception line is what the operator needs.
        String m = message == null ? "(no message)" : clip(oneLine(reason(Traceback.exception(message))), 300);
        return switch (kind) {
            // The gateway's own permission check (bk-apigateway bk-permission, 403 APP_NO_PERMISSION 1640301): the app
            // lacks the grant of this resource, which IAM cannot give. A private resource (isPublic and
            // allowApplyPermission false in bk-sops api-resources.yml) cannot be applied for at all.
            case AUTH -> "APP_NO_PERMISSION".equals(codeName)
                    ? "permission denied: " + m + (e.adminGrant()
                            ? " (" + e.name() + " is a private resource of the API gateway: ask the gateway's "
                              + "administrator to grant it to your app code)"
                            : " (apply for " + e.name() + " in the API gateway's permission page, or ask the gateway's "
                              + "administrator to grant it to your app code)")
                    : (m.toLowerCase(java.util.Locale.ROOT).startsWith("iam authentication exception")
                    || m.contains("no permission")
                    ? "permission denied: " + m + " (ask for the permission in IAM)"
                    : "authentication failed: " + m + " (check app code/secret and user: 'bkops config view')");
            case TRANSPORT -> codeName != null && codeName.equals("API_NOT_FOUND")
                    ? "the gateway has no API " + e.name() + " at this URL: " + m
                      + " (check --sops-url/--job-url, the stage and --gateway)"
                    : status == 429 ? "rate limited by the gateway: " + m
                    : (codeName != null ? codeName + ": " : "") + m;
            default -> m;
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
