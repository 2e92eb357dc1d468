package bkops.render;

import bkops.i18n.Messages;
import bkops.model.State;

import java.util.function.IntSupplier;

/**
 * How a view speaks to people: ANSI styling that is a no-op when disabled, and the language of its words. The CLI
 * decides both once per run (--color, NO_COLOR, terminal; BKOPS_LANG, LC_ALL, LC_MESSAGES, LANG) and passes them down.
 */
public final class Style {
    /** Not a terminal: no width, never cut (declared before the constants that use it). */
    private static final IntSupplier NO_WIDTH = () -> 0;

    public static final Style PLAIN = new Style(false, Messages.ENGLISH);
    public static final Style ANSI = new Style(true, Messages.ENGLISH);

    private static final String RESET = "\u001b[0m";

    private final boolean enabled;
    private final Messages messages;
    private final IntSupplier width;

    private Style(boolean enabled, Messages messages) {
        this(enabled, messages, NO_WIDTH);
    }

    private Style(boolean enabled, Messages messages, IntSupplier width) {
        this.enabled = enabled;
        this.messages = messages;
        this.width = width;
    }

    /** English. */
    public static Style of(boolean enabled) {
        return enabled ? ANSI : PLAIN;
    }

    public static Style of(boolean enabled, Messages messages) {
        return messages.english() ? of(enabled) : new Style(enabled, messages);
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The same style for a terminal whose columns {@code width} tells (asked at each use: a window is resized, and a
     * pipe never asks); tables fit it ({@link Table#fit}).
     */
    public Style width(IntSupplier width) {
        return new Style(enabled, messages, width);
    }

    /** The terminal's columns the tables fit, 0 when the output is not a terminal (never cut for width). */
    public int width() {
        return Math.max(0, width.getAsInt());
    }

    /** The language of the words. */
    public Messages messages() {
        return messages;
    }

    /** A text of the catalogue in this style's language ({@link Messages#get}). */
    public String text(String key, Object... args) {
        return messages.get(key, args);
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
