package bkops.sandbox.job;

import bkops.sandbox.SandboxError;
import java.util.Map;

/**
 * Typed reading of request parameters. The front door merges query strings (all strings) and JSON bodies (numbers,
 * booleans, lists) into one map, so numbers may arrive either way; a value of the wrong type is a 1240003 Bad Request,
 * as Spring's binding failure is in bk-job.
 */
final class JobParams {
    private JobParams() {}

    /** A resolved resource scope; ids are strings as in the API. */
    record Scope(String type, String id) {}

    static Long optLong(Map<String, Object> params, String name) {
        Object v = params.get(name);
        if (v == null || v instanceof String s && s.isBlank()) {
            return null;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw badRequest("Bad Request");
            }
        }
        throw badRequest("Bad Request");
    }

    static boolean optBoolean(Map<String, Object> params, String name) {
        Object v = params.get(name);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw badRequest("Bad Request");
    }

    static String optString(Map<String, Object> params, String name) {
        Object v = params.get(name);
        return v == null ? null : v.toString();
    }

    /** A required id of the operate_* APIs: missing or below 1 is 1241002. */
    static long operationId(Map<String, Object> params, String name) {
        Long v = optLong(params, name);
        if (v == null || v <= 0) {
            throw new SandboxError(1241002, "Invalid request parameters");
        }
        return v;
    }

    /** A required id of the read APIs: missing or below 1 is 1241007 naming the parameter. */
    static long queryId(Map<String, Object> params, String name) {
        Long v = optLong(params, name);
        if (v == null || v <= 0) {
            throw invalidParam(name);
        }
        return v;
    }

    /**
     * bk_scope_type + bk_scope_id, which win whenever either is present; else, where allowed, the legacy bk_biz_id
     * (the compatibility toggle is on in the sandbox), whose ids 8000000-9999999 mean business sets.
     */
    static Scope scope(Map<String, Object> params, boolean legacyAllowed) {
        String type = optString(params, "bk_scope_type");
        String id = optString(params, "bk_scope_id");
        if (type == null && id == null) {
            Long bizId = legacyAllowed ? optLong(params, "bk_biz_id") : null;
            if (bizId == null) {
                throw badRequest(legacyAllowed ? "Invalid bk_scope_type" : "Bad Request");
            }
            boolean set = bizId >= 8_000_000 && bizId <= 9_999_999;
            return new Scope(set ? "biz_set" : "biz", String.valueOf(bizId));
        }
        if (!"biz".equals(type) && !"biz_set".equals(type)) {
            throw badRequest("Invalid bk_scope_type");
        }
        if (id == null || id.isBlank()) {
            throw badRequest("Invalid bk_scope_id");
        }
        return new Scope(type, id.trim());
    }

    static SandboxError badRequest(String message) {
        return new SandboxError(1240003, message);
    }

    static SandboxError invalidParam(String name) {
        return new SandboxError(1241007, "Missing or invalid request parameter [" + name + "]");
    }
}
