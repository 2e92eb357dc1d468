package bkops.model.job;

import bkops.i18n.Text;

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
 * The operations of operate_step_instance with the step status each needs (bk-job StepOperationEnum, checked in
 * TaskExecuteServiceImpl.doStepOperation). The server answers a wrong state only with the generic 1241003, so this
 * table is what lets bkops explain a refusal.
 */
public enum StepOperation {
    RETRY_FAILED("retry-failed", 2, false, "retry the failed hosts", FAILED, ABNORMAL, TERMINATED),
    IGNORE_ERROR("ignore-error", 3, false, "ignore the error and go on", FAILED, ABNORMAL),
    CONFIRM("confirm", 6, false, "confirm and go on", WAITING_USER),
    RETRY_ALL("retry-all", 8, false, "retry every host", FAILED, ABNORMAL, TERMINATED),
    TERMINATE_CONFIRM("terminate-confirm", 9, true, "end the confirmation and stop the job", WAITING_USER),
    RECONFIRM("reconfirm", 10, false, "ask for the confirmation again", CONFIRM_TERMINATED),
    NEXT_STEP("next-step", 11, false, "leave the terminated step and run the next one", TERMINATED),
    FORCE_SKIP("force-skip", 12, true, "skip the step that is being terminated", TERMINATING),
    /** TaskExecuteServiceImpl.continueRolling: "只有“等待用户”的滚动步骤可以继续滚动" (WAITING_USER, rolling). */
    ROLLING_CONTINUE("rolling-continue", 13, false, "start the next rolling batch", WAITING_USER);

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

    /**
     * The server checks the step's kind for four operations: confirm, terminate-confirm and reconfirm need a manual
     * confirmation step (getExecuteType() != MANUAL_CONFIRM is refused), rolling-continue a rolling step
     * (isRollingStep()). The API does not say whether a step rolls; only script and file steps of fast jobs can
     * (saveRollingConfigForFastJob), so bkops refuses rolling-continue only on a confirmation step.
     */
    public boolean fitsType(StepType type) {
        if (this == ROLLING_CONTINUE) {
            return type != StepType.CONFIRM;
        }
        return !confirmationOnly() || type == StepType.CONFIRM;
    }

    /**
     * How a step waiting for a person (WAITING_USER) goes on: a confirmation step is confirmed; a script or file step
     * waits only between rolling batches (JobListener.nextStep, MANUAL mode), and continues with rolling-continue.
     */
    public static StepOperation toContinue(StepType type) {
        return type == StepType.CONFIRM ? CONFIRM : ROLLING_CONTINUE;
    }

    private boolean confirmationOnly() {
        return this == CONFIRM || this == TERMINATE_CONFIRM || this == RECONFIRM;
    }

    /** "FAILED, ABNORMAL or TERMINATED". */
    public String allowedWords() {
        Object words = allowedText();
        return words instanceof Text t ? t.english() : (String) words;
    }

    /** {@link #allowedWords()} to be said in the run's language: the one status, or a Text "A, B or C". */
    public Object allowedText() {
        List<String> words = allowed.stream().map(RunStatus::name).collect(Collectors.toCollection(ArrayList::new));
        if (words.size() == 1) {
            return words.get(0);
        }
        String last = words.remove(words.size() - 1);
        return Text.of("errors.model.either", String.join(", ", words), last);
    }

    /** {@link #meaning()} to be said in the run's language. */
    public Text meaningText() {
        return Text.of(switch (this) {
            case RETRY_FAILED -> "errors.model.step-op.retry-failed";
            case IGNORE_ERROR -> "errors.model.step-op.ignore-error";
            case CONFIRM -> "errors.model.step-op.confirm";
            case RETRY_ALL -> "errors.model.step-op.retry-all";
            case TERMINATE_CONFIRM -> "errors.model.step-op.terminate-confirm";
            case RECONFIRM -> "errors.model.step-op.reconfirm";
            case NEXT_STEP -> "errors.model.step-op.next-step";
            case FORCE_SKIP -> "errors.model.step-op.force-skip";
            case ROLLING_CONTINUE -> "errors.model.step-op.rolling-continue";
        });
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
