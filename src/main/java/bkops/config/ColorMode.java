package bkops.config;

/** Whether output is coloured: auto means only when stdout is a terminal. */
public enum ColorMode {
    AUTO, ALWAYS, NEVER;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
