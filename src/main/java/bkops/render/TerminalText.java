package bkops.render;

/**
 * Text from a server made harmless on a terminal. Control characters (C0 except tab and newline, DEL, C1) and the
 * bidirectional embeddings, overrides and isolates that reorder what is shown are replaced by a visible escape
 * ({@code \x1b}, {@code \u202e}), so a task name or an error message cannot set the window title, clear the screen,
 * move the cursor, make the terminal answer a query, or hide and reorder text. Machine formats (JSON, YAML) keep the
 * data exact instead: they escape it themselves.
 */
public final class TerminalText {
    private TerminalText() {}

    /** Keeps newlines and tabs (multi-line text: an error in full, a log); a CR before a newline is dropped. */
    public static String safe(String s) {
        return clean(s, false, false);
    }

    /** One line: newlines, carriage returns and tabs become spaces too. */
    public static String line(String s) {
        return clean(s, true, false);
    }

    /**
     * One line that may carry bkops's own colours (a table cell built with {@link Style}): SGR sequences
     * ({@code ESC [ digits ; m}) are kept, every other control character is neutralised. The colour is the most a
     * server's text can still change there; labels and errors are cleaned in full before they are coloured.
     */
    public static String cell(String s) {
        return clean(s, true, true);
    }

    /** Several lines that may carry bkops's own colours (stderr as a whole): like {@link #cell} but keeps newlines and tabs. */
    public static String styled(String s) {
        return clean(s, false, true);
    }

    private static String clean(String s, boolean oneLine, boolean keepSgr) {
        if (s == null || !needsWork(s, oneLine)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') {
                sb.append(oneLine ? ' ' : c);
            } else if (c == '\r') {
                boolean crlf = i + 1 < s.length() && s.charAt(i + 1) == '\n';
                if (oneLine) {
                    sb.append(' ');
                    i += crlf ? 1 : 0;
                } else if (!crlf) {
                    sb.append("\\r");
                }
            } else if (c == '\u001b' && keepSgr && sgrEnd(s, i) > 0) {
                int end = sgrEnd(s, i);
                sb.append(s, i, end);
                i = end - 1;
            } else if (isControl(c)) {
                sb.append(String.format("\\x%02x", (int) c));
            } else if (isBidiControl(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean needsWork(String s, boolean oneLine) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && (oneLine || c != '\n' && c != '\t') || c >= 0x7F && c <= 0x9F || isBidiControl(c)) {
                return true;
            }
        }
        return false;
    }

    /** The index after an SGR sequence starting at {@code i} ({@code ESC [ [0-9;]* m}), or -1. */
    private static int sgrEnd(String s, int i) {
        if (i + 1 >= s.length() || s.charAt(i + 1) != '[') {
            return -1;
        }
        for (int j = i + 2; j < s.length() && j < i + 24; j++) {
            char c = s.charAt(j);
            if (c == 'm') {
                return j + 1;
            }
            if (!(c >= '0' && c <= '9' || c == ';')) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F;
    }

    /** LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI: they reorder the text that follows them on screen. */
    private static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }
}
