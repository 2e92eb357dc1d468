package bkops.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** A pipeline variable; {@code key} keeps its {@code ${}} wrapper as the API uses it. */
public record Constant(String key, String name, JsonNode value, String showType, String customType, String sourceType,
                       String desc, int index) {

    static Constant parse(String mapKey, JsonNode c) {
        String key = Json.text(c, "key");
        JsonNode value = c.get("value");
        return new Constant(key.isEmpty() ? mapKey : key, Json.text(c, "name"), value == null ? NullNode.getInstance() : value,
                Json.text(c, "show_type"), Json.text(c, "custom_type"), Json.text(c, "source_type"), Json.text(c, "desc"),
                (int) Json.number(c, "index"));
    }

    public boolean shown() {
        return "show".equals(showType);
    }
}
