package bkops.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON helpers of the client, on its one ObjectMapper ({@link bkops.model.Json#mapper()}). */
public final class Json {
    private Json() {}

    public static ObjectMapper mapper() {
        return bkops.model.Json.mapper();
    }

    public static ObjectNode object() {
        return mapper().createObjectNode();
    }

    public static String write(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static JsonNode read(String text) throws com.fasterxml.jackson.core.JsonProcessingException {
        return mapper().readTree(text);
    }
}
