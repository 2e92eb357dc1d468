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

    /** YAML 1.1 booleans and nulls (compared lower-cased), the merge key and the value key. */
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
            "<<", "=");
    /** Longer keys cannot be implicit (a YAML reader gives up on a simple key after 1024 characters): "? key". */
    private static final int MAX_IMPLICIT_KEY = 1000;
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
            // a block's lines are indented even here, so that a line "---" or "..." is not a document marker
            sb.append(scalar(node, 2)).append('\n');
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
                String key = string(e.getKey(), indent, false);
                if (key.length() > MAX_IMPLICIT_KEY) {
                    sb.append(" ".repeat(indent)).append("? ").append(key).append('\n');
                    sb.append(" ".repeat(indent)).append(':');
                } else {
                    sb.append(" ".repeat(indent)).append(key).append(':');
                }
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

    /**
     * Block scalars cannot start with spaces (no indentation indicator here), carry \r, keep several final breaks, or
     * hold a character that must be escaped -- U+0085, U+2028 and U+2029 among them, line breaks to a YAML 1.1 reader.
     */
    private static boolean blockable(String s) {
        if (s.startsWith(" ") || s.startsWith("\t") || s.startsWith("\n") || s.endsWith("\n\n") || s.indexOf('\r') >= 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && c != '\t' && mustEscape(s, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty() || RESERVED.contains(s.toLowerCase(java.util.Locale.ROOT)) || NUMERIC_LOOKING.matcher(s).matches()
                || s.startsWith("---") || s.startsWith("...")) {
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
            if (mustEscape(s, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Characters written only as escapes: those YAML does not allow raw (C0 but tab and newline, DEL, C1, U+FFFE/F,
     * lone surrogates), the ones YAML 1.1 reads as line breaks (U+0085, U+2028, U+2029), the byte order mark, and
     * bidi embeddings and overrides (data kept exact, but never reordering a terminal's text). Tab and newline are
     * allowed raw only in block scalars; plain scalars are quoted for them elsewhere.
     */
    private static boolean mustEscape(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return c < 0x20 || c >= 0x7F && c <= 0x9F || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c == '\uFFFE'
                || c == '\uFFFF' || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
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
                    if (mustEscape(s, i)) {
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
