package bkops.sandbox;

import java.util.Collection;
import java.util.Map;

/** What Python makes of a JSON value: its truth (bool(x)) and its repr, as plugins format them into messages. */
final class Py {
    private Py() {}

    static boolean truthy(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof Number n) return n.doubleValue() != 0;
        if (v instanceof String s) return !s.isEmpty();
        if (v instanceof Map<?, ?> m) return !m.isEmpty();
        if (v instanceof Collection<?> c) return !c.isEmpty();
        return true;
    }

    static String repr(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof String s) return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, x) -> sb.append(sb.length() > 1 ? ", " : "").append(repr(k)).append(": ").append(repr(x)));
            return sb.append('}').toString();
        }
        if (v instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            c.forEach(x -> sb.append(sb.length() > 1 ? ", " : "").append(repr(x)));
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }
}
