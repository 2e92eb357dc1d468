package bkops.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sandbox's one Jackson mapper and the few loose-typing helpers that JSON-shaped maps need. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {}

    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** A flow list that the web format writes either as one string or as a list ("" = none). */
    static List<String> ids(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof String s) {
            if (!s.isEmpty()) out.add(s);
        } else if (o instanceof List<?> l) {
            for (Object x : l) out.add(String.valueOf(x));
        }
        return out;
    }

    static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    /** Deep copy of a JSON-shaped value (maps and lists are copied; scalars shared). */
    @SuppressWarnings("unchecked")
    static <T> T copy(T o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((k, v) -> c.put((String) k, copy(v)));
            return (T) c;
        }
        if (o instanceof List<?> l) {
            List<Object> c = new ArrayList<>(l.size());
            for (Object v : l) c.add(copy(v));
            return (T) c;
        }
        return o;
    }

    /** True when a query flag is present with any non-empty value (the real views' truthiness). */
    static boolean flag(Map<String, Object> params, String key) {
        Object v = params.get(key);
        return v != null && !String.valueOf(v).isEmpty() && !Boolean.FALSE.equals(v);
    }

    static Long asLong(Object o) {
        if (o instanceof Number n) return n.longValue();
        if (o instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
