package bkops.model.job;

import com.fasterxml.jackson.databind.JsonNode;

/** Lenient readers: absent and null fields read as empty, numbers sent as strings read as numbers. */
final class Fields {
    private Fields() {}

    static long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? 0 : v.asLong(0);
    }

    static Long numberOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asLong();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
