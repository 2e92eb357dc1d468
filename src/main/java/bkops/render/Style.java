package bkops.render;

import bkops.model.State;

/** ANSI styling that is a no-op when disabled; the CLI decides once (--color, NO_COLOR, terminal) and passes it down. */
public final class Style {

    public static final Style PLAIN = new Style(false);
    public static final Style ANSI = new Style(true);

    private static final String RESET = "\u001b[0m";

    private final boolean enabled;

    private Style(boolean enabled) {
        this.enabled = enabled;
    }

    public static Style of(boolean enabled) {
        return enabled ? ANSI : PLAIN;
    }

    public boolean enabled() {
        return enabled;
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    public String red(String s) {
        return wrap("31", s);
    }

    public String green(String s) {
        return wrap("32", s);
    }

    public String yellow(String s) {
        return wrap("33", s);
    }

    public String magenta(String s) {
        return wrap("35", s);
    }

    public String cyan(String s) {
        return wrap("36", s);
    }

    public String grey(String s) {
        return wrap("90", s);
    }

    /** Text in the state's colour: green finished, red failed, yellow running/suspended, grey pending, magenta revoked. */
    public String state(State state, String s) {
        return switch (state) {
            case FINISHED, ROLL_BACK_SUCCESS -> green(s);
            case FAILED, ROLL_BACK_FAILED, BLOCKED -> red(s);
            case RUNNING, SUSPENDED, NODE_SUSPENDED, ROLLING_BACK, READY -> yellow(s);
            case REVOKED, EXPIRED -> magenta(s);
            case PENDING, CREATED, UNKNOWN -> grey(s);
        };
    }

    /** Icon and name, e.g. "✖ FAILED", coloured by state. */
    public String stateLabel(State state) {
        return state(state, state.icon() + " " + state.name());
    }

    /** What is painted is often a server's text: it is cleaned of control characters, coloured or not. */
    private String wrap(String code, String s) {
        String t = TerminalText.styled(s);
        return enabled && !t.isEmpty() ? "\u001b[" + code + "m" + t + RESET : t;
    }
}
