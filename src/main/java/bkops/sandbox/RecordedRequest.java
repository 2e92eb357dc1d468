package bkops.sandbox;

import java.util.List;
import java.util.Map;

/** One request as the sandbox received it, for tests that check what a client actually sent. */
public record RecordedRequest(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
    /** The first value of a header, matched case-insensitively; null when absent. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
