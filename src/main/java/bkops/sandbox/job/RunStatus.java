package bkops.sandbox.job;

import java.util.Set;

/**
 * Job and step status codes (bk-job {@code RunStatusEnum}); the same numbers serve job_instance.status and step status.
 * 12 (强制终止失败) exists only in old docs and is never produced.
 */
final class RunStatus {
    private RunStatus() {}

    static final int BLANK = 1;              // 等待执行
    static final int RUNNING = 2;            // 正在执行
    static final int SUCCESS = 3;            // 执行成功
    static final int FAIL = 4;               // 执行失败
    static final int SKIPPED = 5;            // 跳过
    static final int IGNORE_ERROR = 6;       // 忽略错误
    static final int WAITING_USER = 7;       // 等待用户
    static final int TERMINATED = 8;         // 手动结束
    static final int ABNORMAL_STATE = 9;     // 状态异常
    static final int STOPPING = 10;          // 强制终止中
    static final int STOP_SUCCESS = 11;      // 强制终止成功
    static final int CONFIRM_TERMINATED = 13; // 确认终止
    static final int ABANDONED = 14;         // 被丢弃
    static final int ROLLING_WAITING = 15;   // 滚动等待

    /** The server's {@code finished} flag: true for these, even the retryable ones (4, 9, 11). */
    private static final Set<Integer> FINISHED =
            Set.of(SUCCESS, FAIL, SKIPPED, IGNORE_ERROR, TERMINATED, ABNORMAL_STATE, STOP_SUCCESS, CONFIRM_TERMINATED, ABANDONED);

    static boolean finished(int status) {
        return FINISHED.contains(status);
    }

    /** Step statuses that let the job move past the step. */
    static boolean passed(int status) {
        return status == SUCCESS || status == SKIPPED || status == IGNORE_ERROR;
    }
}
