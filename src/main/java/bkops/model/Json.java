package bkops.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's one ObjectMapper (here, in the lowest package, so that api, render, ops and cli all reach it; the
 * sandbox, a separate program, has its own), and lenient readers for the API's loosely typed fields.
 */
public final class Json {

    private Json() {
    }

    /** Built on first use (holder idiom): commands that never touch JSON never pay for Jackson. */
    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Shared and configured once: never reconfigure it; derive a writer or reader for another shape of output. */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /** Text of a field; "" when absent or null. Numbers come back as their text (template ids are sometimes ints). */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString();
    }

    /** Text of a field or null when absent, null or empty. */
    static String textOrNull(JsonNode node, String field) {
        String s = text(node, field);
        return s.isEmpty() ? null : s;
    }

    /** First of the fields that is present, as a boolean (legacy aliases such as can_retry/retryable). */
    static boolean bool(JsonNode node, boolean fallback, String... fields) {
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v != null && !v.isNull()) {
                return v.isTextual() ? Boolean.parseBoolean(v.asText()) : v.asBoolean();
            }
        }
        return fallback;
    }

    static long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null ? 0 : v.asLong(0);
    }

    /** A field that is a string, a list of strings, or empty: incoming/outgoing are all three in real trees. */
    static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(e -> {
                if (!e.asText().isEmpty()) {
                    out.add(e.asText());
                }
            });
        } else if (!v.asText().isEmpty()) {
            out.add(v.asText());
        }
        return out;
    }
}
