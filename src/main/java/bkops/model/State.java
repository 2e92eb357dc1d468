package bkops.model;

/** Node and task states as get_task_status reports them, plus PENDING for nodes not reached yet. */
public enum State {
    CREATED("○", false),
    READY("○", false),
    RUNNING("●", false),
    SUSPENDED("‖", false),
    /** Engine v1 only (bamboo-pipeline pipeline/engine/states.py BLOCKED -> READY, REVOKED): not an end. */
    BLOCKED("⊘", false),
    FINISHED("✔", true),
    FAILED("✖", false),
    REVOKED("⊗", true),
    EXPIRED("⧖", true),
    NODE_SUSPENDED("‖", false),
    ROLLING_BACK("↺", false),
    ROLL_BACK_SUCCESS("↺", false),
    ROLL_BACK_FAILED("✖", false),
    PENDING("◌", false),
    UNKNOWN("?", false);

    private final String icon;
    private final boolean terminal;

    State(String icon, boolean terminal) {
        this.icon = icon;
        this.terminal = terminal;
    }

    /** A one-column symbol; always shown with the state's name so the output reads without colour. */
    public String icon() {
        return icon;
    }

    /**
     * True when nothing more will happen without a new task. FAILED is not terminal: the root stays RUNNING in the
     * engine and a retry or skip lets the task continue.
     */
    public boolean terminal() {
        return terminal;
    }

    /** The state for an API value; null or empty means not reached, anything unknown maps to UNKNOWN. */
    public static State of(String value) {
        if (value == null || value.isEmpty()) {
            return PENDING;
        }
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
