package bkops.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business error as the real service answers it: by default HTTP 200 with {"result": false, "code": ..., "message": ...}.
 * {@code message} may be an object (form validation errors); {@code extra} adds fields such as {@code permission}.
 */
public class SandboxError extends RuntimeException {
    private final long code;
    private final Object body;
    private final int httpStatus;
    private final Map<String, Object> extra;

    public SandboxError(long code, Object message) {
        this(code, message, 200, Map.of());
    }

    public SandboxError(long code, Object message, int httpStatus, Map<String, Object> extra) {
        super(String.valueOf(message));
        this.code = code;
        this.body = message;
        this.httpStatus = httpStatus;
        this.extra = new LinkedHashMap<>(extra);
    }

    public long code() { return code; }
    public Object messageValue() { return body; }
    public int httpStatus() { return httpStatus; }
    public Map<String, Object> extra() { return extra; }
}
