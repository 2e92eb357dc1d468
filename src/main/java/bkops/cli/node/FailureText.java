package bkops.cli.node;

import bkops.api.Json;
import bkops.render.JsonOutput;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Pattern;

/** A node's failure text (ex_data) made readable: JSON pretty-printed, HTML reduced to its text, the rest trimmed. */
final class FailureText {
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z/!][^>]*>");
    private static final Pattern BREAK = Pattern.compile("(?i)<\\s*(br\\s*/?|/p|/div|/li|/tr|/h[1-6]|/pre)\\s*>");
    private static final Pattern DROP = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1\\s*>");

    private FailureText() {}

    static String readable(JsonNode exData) {
        if (exData == null || exData.isNull() || exData.isMissingNode()) {
            return "";
        }
        if (exData.isContainerNode()) {
            return JsonOutput.pretty(exData);
        }
        return readable(exData.asText());
    }

    static String readable(String text) {
        String t = text.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                JsonNode n = Json.read(t);
                if (n != null && n.isContainerNode()) {
                    return JsonOutput.pretty(n);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // not JSON after all: shown as text
            }
        }
        if (TAG.matcher(t).find()) {
            return html(t);
        }
        return t;
    }

    private static String html(String t) {
        String s = DROP.matcher(t).replaceAll("");
        s = BREAK.matcher(s).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(l);
            }
        }
        return out.toString();
    }
}
