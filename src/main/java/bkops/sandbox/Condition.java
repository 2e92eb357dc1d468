package bkops.sandbox;

import java.util.Map;

/**
 * Evaluates gateway conditions of the simple forms the seeded templates and typical flows use:
 * {@code <operand> <op> <operand>} with ==, !=, >, <, >=, <= (operands: ${var}, quoted strings, numbers, True/False),
 * joined by " and " / " or ". Anything else is an evaluation error, as a bad expression is in the real engine.
 */
final class Condition {
    private Condition() {}

    static boolean evaluate(String expr, Map<String, Object> constants) {
        String e = expr.trim();
        if (e.contains(" or ")) {
            for (String part : e.split(" or ")) if (evaluate(part, constants)) return true;
            return false;
        }
        if (e.contains(" and ")) {
            for (String part : e.split(" and ")) if (!evaluate(part, constants)) return false;
            return true;
        }
        for (String op : new String[] {"==", "!=", ">=", "<=", ">", "<"}) {
            int i = e.indexOf(op);
            if (i > 0) return compare(value(e.substring(0, i), constants, expr), op, value(e.substring(i + op.length()), constants, expr));
        }
        Object v = value(e, constants, expr);
        if (v instanceof Boolean b) return b;
        throw new IllegalArgumentException(expr);
    }

    private static Object value(String token, Map<String, Object> constants, String expr) {
        String s = token.trim();
        if (s.startsWith("${") && s.endsWith("}")) {
            if (!constants.containsKey(s)) throw new IllegalArgumentException(expr);
            return literal(String.valueOf(constants.get(s)));
        }
        if ((s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'")) && s.length() >= 2) {
            return s.substring(1, s.length() - 1);
        }
        Object v = literal(s);
        if (v instanceof String) throw new IllegalArgumentException(expr);
        return v;
    }

    private static Object literal(String s) {
        if (s.equals("True")) return true;
        if (s.equals("False")) return false;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return s;
        }
    }

    private static boolean compare(Object a, String op, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return switch (op) {
                case "==" -> x.equals(y);
                case "!=" -> !x.equals(y);
                case ">=" -> x >= y;
                case "<=" -> x <= y;
                case ">" -> x > y;
                default -> x < y;
            };
        }
        int c = String.valueOf(a).compareTo(String.valueOf(b));
        return switch (op) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case ">=" -> c >= 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c < 0;
        };
    }
}
