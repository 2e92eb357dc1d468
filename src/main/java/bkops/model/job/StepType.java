package bkops.model.job;

/** A step's {@code type} (bk-job StepExecuteTypeEnum); 3 is left out of the docs but is the manual confirmation. */
public enum StepType {
    SCRIPT(1, "script"), FILE(2, "file"), CONFIRM(3, "confirm"), SQL(4, "sql"), UNKNOWN(0, "unknown");

    private final int code;
    private final String word;

    StepType(int code, String word) {
        this.code = code;
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static StepType of(int code) {
        for (StepType t : values()) {
            if (t.code == code && t != UNKNOWN) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
