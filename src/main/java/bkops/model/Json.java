package bkops.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Lenient readers for the API's loosely typed fields. */
final class Json {

    private Json() {
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
