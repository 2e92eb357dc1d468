package bkops.sandbox;

/** An error the API gateway itself answers (real HTTP status, {@code code_name}, {@code X-Bkapi-Error-*} headers). */
final class GatewayError extends RuntimeException {
    final int status;
    final long code;
    final String codeName;

    GatewayError(int status, long code, String codeName, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.codeName = codeName;
    }

    static GatewayError invalidArgs(String reason) {
        return new GatewayError(400, 1640001, "INVALID_ARGS", "Parameters error [reason=\"" + reason + "\"]");
    }

    static GatewayError notFound(String method, String path) {
        return new GatewayError(404, 1640401, "API_NOT_FOUND", "API not found [method=\"" + method + "\" path=\"" + path + "\"]");
    }

    java.util.Map<String, Object> body() {
        return Json.obj("code", code, "data", null, "code_name", codeName, "message", getMessage(), "result", false);
    }
}
