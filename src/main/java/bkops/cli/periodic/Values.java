package bkops.cli.periodic;

import com.fasterxml.jackson.databind.JsonNode;

/** A constant's value on one table line. */
final class Values {
    private Values() {}

    static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        return (v.isTextual() ? v.asText() : v.toString()).replace("\n", "\\n");
    }
}
