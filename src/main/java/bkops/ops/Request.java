package bkops.ops;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request as --dry-run shows it: the API's name, then its parameters, path parameters and body fields alike. A
 * parameter the server gives later (the id a create returns) is null.
 */
public record Request(String api, Map<String, Object> params) {
    public Request {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
