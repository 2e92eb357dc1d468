package bkops.model;

import java.util.regex.Pattern;

/**
 * A text holding a Python traceback, reduced to its exception line(s), the class named without its module:
 * "fail: Traceback (most recent call last):\n  File ...\nbamboo_engine.exceptions.InvalidOperationError: x" becomes
 * "InvalidOperationError: x". bamboo-engine api.py _ensure_return_api_result puts traceback.format_exc() in exc_trace,
 * which bk-sops dispatchers/base.py ensure_return_is_dict sends as "fail: " + trace; the engine's
 * handlers/service_activity.py stores a failing plugin's traceback.format_exc() as the node's ex_data. With chained
 * exceptions the last traceback is the one raised. The API client reads refusals this way, the renderers errors.
 */
public final class Traceback {
    private static final String START = "Traceback (most recent call last):";
    /** "bamboo_engine.exceptions.InvalidOperationError: ..." -> the class name without its module. */
    private static final Pattern QUALIFIED = Pattern.compile("^(?:[A-Za-z_][A-Za-z0-9_]*\\.)+([A-Za-z_][A-Za-z0-9_]*(?::|$))");

    private Traceback() {}

    /** The exception line(s) of the last traceback in {@code text}; any other text comes back unchanged. */
    public static String exception(String text) {
        if (text == null) {
            return "";
        }
        int at = text.lastIndexOf(START);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        boolean inException = false;
        for (String line : text.substring(at + START.length()).split("\\R")) {
            if (!inException && (line.isBlank() || Character.isWhitespace(line.charAt(0)))) {
                continue; // a frame: "  File ...", its source line, or a "^^^" marker
            }
            if (!inException) {
                inException = true;
                line = QUALIFIED.matcher(line).replaceFirst("$1");
            }
            out.append(out.length() == 0 ? "" : "\n").append(line);
        }
        String e = out.toString().strip();
        return e.isEmpty() ? text : e;
    }
}
