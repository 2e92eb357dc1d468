package bkops.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Block-style YAML for a JsonNode, without a YAML library: plain scalars where YAML 1.1 and 1.2 readers both read them
 * back as the same string, double quotes otherwise, {@code |} blocks for multi-line text.
 */
public final class YamlWriter {

    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");
    /** Anything a resolver might read as a number, date or time (1, -2, .5, 1e3, 0x1F, 2026-11-25, 12:30). */
    private static final Pattern NUMERIC_LOOKING = Pattern.compile("[-+]?(\\.?[0-9].*|\\.(inf|nan).*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private YamlWriter() {
    }

    public static String write(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        if (isNonEmptyContainer(node)) {
            block(node, 0, sb);
        } else {
            sb.append(scalar(node, 0)).append('\n');
        }
        return sb.toString();
    }

    public static void write(JsonNode node, PrintWriter out) {
        out.print(write(node));
        out.flush();
    }

    private static void block(JsonNode node, int indent, StringBuilder sb) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                sb.append(" ".repeat(indent)).append(string(e.getKey(), indent, false)).append(':');
                afterKey(e.getValue(), indent, sb);
            }
        } else {
            for (JsonNode item : node) {
                sb.append(" ".repeat(indent)).append('-');
                afterDash(item, indent, sb);
            }
        }
    }

    private static void afterKey(JsonNode v, int indent, StringBuilder sb) {
        if (isNonEmptyContainer(v)) {
            sb.append('\n');
            block(v, indent + 2, sb);
        } else {
            sb.append(' ').append(scalar(v, indent + 2)).append('\n');
        }
    }

    /** A container item starts on the dash's line: "- key: v" with the rest aligned under "key". */
    private static void afterDash(JsonNode v, int indent, StringBuilder sb) {
        if (isNonEmptyContainer(v)) {
            StringBuilder nested = new StringBuilder();
            block(v, indent + 2, nested);
            sb.append(' ').append(nested, indent + 2, nested.length());
        } else {
            sb.append(' ').append(scalar(v, indent + 2)).append('\n');
        }
    }

    private static boolean isNonEmptyContainer(JsonNode v) {
        return v.isContainerNode() && v.size() > 0;
    }

    private static String scalar(JsonNode v, int indent) {
        if (v.isObject()) {
            return "{}";
        }
        if (v.isArray()) {
            return "[]";
        }
        if (v.isNull() || v.isMissingNode()) {
            return "null";
        }
        if (v.isTextual()) {
            return string(v.asText(), indent, true);
        }
        return v.asText();
    }

    private static String string(String s, int indent, boolean allowBlock) {
        if (allowBlock && s.indexOf('\n') >= 0 && blockable(s)) {
            boolean trailing = s.endsWith("\n");
            String body = trailing ? s.substring(0, s.length() - 1) : s;
            StringBuilder sb = new StringBuilder(trailing ? "|" : "|-");
            for (String line : body.split("\n", -1)) {
                sb.append('\n');
                if (!line.isEmpty()) {
                    sb.append(" ".repeat(indent)).append(line);
                }
            }
            return sb.toString();
        }
        return needsQuotes(s) ? quote(s) : s;
    }

    /** Block scalars cannot start with spaces (no indentation indicator here), carry \r, or keep several final breaks. */
    private static boolean blockable(String s) {
        if (s.startsWith(" ") || s.startsWith("\n") || s.endsWith("\n\n") || s.indexOf('\r') >= 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7F || c == '\uFEFF') {
                return false;
            }
        }
        return true;
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty() || RESERVED.contains(s.toLowerCase()) || NUMERIC_LOOKING.matcher(s).matches()) {
            return true;
        }
        if (INDICATORS.indexOf(s.charAt(0)) >= 0 || Character.isWhitespace(s.charAt(0))
                || Character.isWhitespace(s.charAt(s.length() - 1)) || s.endsWith(":")) {
            return true;
        }
        if (s.contains(": ") || s.contains(" #") || s.contains("\t")) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                return true;
            }
        }
        return false;
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
