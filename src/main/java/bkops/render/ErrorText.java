package bkops.render;

import bkops.model.Traceback;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.regex.Pattern;

/**
 * A node's error (ex_data) or an API's refusal as the server gives it -- plain text, JSON, an HTML page, or a Python
 * traceback -- made readable: in full for `node show`, or its first meaningful line for trees, verdicts and the
 * one-line error of a refused call.
 */
public final class ErrorText {
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z/!][^>]*>");
    private static final Pattern BREAK = Pattern.compile("(?i)<\\s*(br\\s*/?|/p|/div|/li|/tr|/h[1-6]|/pre)\\s*>");
    private static final Pattern DROP = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1\\s*>");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0]+");
    private static final String[] MESSAGE_FIELDS = {"message", "msg", "error", "detail"};

    private ErrorText() {}

    /** The whole text: JSON pretty-printed, HTML reduced to its lines of text, anything else trimmed. */
    public static String readable(JsonNode exData) {
        if (exData == null || exData.isNull() || exData.isMissingNode()) {
            return "";
        }
        return exData.isContainerNode() ? JsonOutput.pretty(exData) : readable(exData.asText());
    }

    public static String readable(String text) {
        String t = text == null ? "" : text.strip();
        JsonNode json = json(t);
        if (json != null) {
            return JsonOutput.pretty(json);
        }
        return TAG.matcher(t).find() ? html(t) : t;
    }

    /**
     * The first meaningful line: JSON's message field (or the JSON compacted), HTML's first line of text, a
     * traceback's exception line.
     */
    public static String firstLine(String error) {
        String s = exception(error == null ? "" : error.strip());
        JsonNode json = json(s);
        if (json != null) {
            s = message(json);
        }
        if (TAG.matcher(s).find()) {
            s = html(s);
        }
        for (String line : s.split("\\R")) {
            if (!line.isBlank()) {
                return SPACES.matcher(line.strip()).replaceAll(" ");
            }
        }
        return "";
    }

    /** A traceback's exception line(s) (model/Traceback), any other text as it is. */
    public static String exception(String text) {
        return Traceback.exception(text);
    }

    private static String message(JsonNode json) {
        for (String field : MESSAGE_FIELDS) {
            JsonNode v = json.get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return json.toString();
    }

    private static JsonNode json(String t) {
        if (!t.startsWith("{") && !t.startsWith("[")) {
            return null;
        }
        try {
            JsonNode n = Mapper.INSTANCE.readTree(t);
            return n != null && n.isContainerNode() ? n : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static String html(String t) {
        String s = DROP.matcher(t).replaceAll("");
        s = BREAK.matcher(s).replaceAll("\n");
        s = TAG.matcher(s).replaceAll(" ");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n")) {
            String l = SPACES.matcher(line.strip()).replaceAll(" ");
            if (!l.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(l);
            }
        }
        return out.toString();
    }

    /** Built on first use: most renders never see a JSON error. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = bkops.model.Json.mapper();
    }
}
