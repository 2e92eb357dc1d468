package bkops.config;

/** Where an effective setting came from, highest precedence first. */
public enum Source {
    FLAG, ENV, PROFILE, DEFAULT;

    /** The lower-case word shown by {@code config view}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
