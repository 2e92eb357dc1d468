package bkops.model.job;

import static bkops.model.job.RunStatus.ABNORMAL;
import static bkops.model.job.RunStatus.CONFIRM_TERMINATED;
import static bkops.model.job.RunStatus.FAILED;
import static bkops.model.job.RunStatus.TERMINATED;
import static bkops.model.job.RunStatus.TERMINATING;
import static bkops.model.job.RunStatus.WAITING_USER;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operations of operate_step_instance with the step status each needs (bk-job TaskExecuteServiceImpl). The server
 * answers a wrong state only with the generic 1241003, so this table is what lets bkops explain a refusal.
 */
public enum StepOperation {
    RETRY_FAILED("retry-failed", 2, false, "retry the failed hosts", FAILED, ABNORMAL, TERMINATED),
    IGNORE_ERROR("ignore-error", 3, false, "ignore the error and go on", FAILED, ABNORMAL),
    CONFIRM("confirm", 6, false, "confirm and go on", WAITING_USER),
    RETRY_ALL("retry-all", 8, false, "retry every host", FAILED, ABNORMAL, TERMINATED),
    TERMINATE_CONFIRM("terminate-confirm", 9, true, "end the confirmation and stop the job", WAITING_USER),
    RECONFIRM("reconfirm", 10, false, "ask for the confirmation again", CONFIRM_TERMINATED),
    NEXT_STEP("next-step", 11, false, "leave the terminated step and run the next one", TERMINATED),
    FORCE_SKIP("force-skip", 12, true, "skip the step that is being terminated", TERMINATING);

    private final String cliName;
    private final int code;
    private final boolean destructive;
    private final String meaning;
    private final Set<RunStatus> allowed;

    StepOperation(String cliName, int code, boolean destructive, String meaning, RunStatus first, RunStatus... rest) {
        this.cliName = cliName;
        this.code = code;
        this.destructive = destructive;
        this.meaning = meaning;
        this.allowed = EnumSet.of(first, rest);
    }

    public String cliName() {
        return cliName;
    }

    public int code() {
        return code;
    }

    /** Ends or skips work that cannot be had back: asks before sending. */
    public boolean destructive() {
        return destructive;
    }

    public String meaning() {
        return meaning;
    }

    public boolean allows(RunStatus status) {
        return allowed.contains(status);
    }

    /** The server checks the step type only for the confirmation operations: they need a manual confirmation step. */
    public boolean fitsType(StepType type) {
        return !confirmationOnly() || type == StepType.CONFIRM;
    }

    private boolean confirmationOnly() {
        return this == CONFIRM || this == TERMINATE_CONFIRM || this == RECONFIRM;
    }

    /** "FAILED, ABNORMAL or TERMINATED". */
    public String allowedWords() {
        List<String> words = allowed.stream().map(RunStatus::name).collect(Collectors.toCollection(ArrayList::new));
        if (words.size() == 1) {
            return words.get(0);
        }
        String last = words.remove(words.size() - 1);
        return String.join(", ", words) + " or " + last;
    }

    /** By name (retry-failed) or numeric code (2); null when neither. */
    public static StepOperation parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (StepOperation op : values()) {
            if (op.cliName.equals(t) || String.valueOf(op.code).equals(t)) {
                return op;
            }
        }
        return null;
    }
}
