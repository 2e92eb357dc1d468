package bkops.sandbox.job;

import java.util.Map;

/** Per-host result codes (bk-job {@code ExecuteObjectTaskStatusEnum}) the simulator produces, with their English labels. */
final class HostStatus {
    private HostStatus() {}

    static final int AGENT_ERROR = 1;          // Agent异常
    static final int LAST_SUCCESS = 3;         // 上次已成功
    static final int WAITING = 5;              // 等待执行
    static final int RUNNING = 7;              // 正在执行
    static final int SUCCESS = 9;              // 执行成功
    static final int SCRIPT_NOT_ZERO_EXIT_CODE = 104; // 脚本返回值非零
    static final int TERMINATE_SUCCESS = 403;  // 强制终止成功

    private static final Map<Integer, String> LABELS = Map.of(
            AGENT_ERROR, "Agent error",
            LAST_SUCCESS, "Last successful",
            WAITING, "Waiting",
            RUNNING, "Running",
            SUCCESS, "Execution successful",
            SCRIPT_NOT_ZERO_EXIT_CODE, "Script return value non-zero",
            TERMINATE_SUCCESS, "Terminate succeeded");

    static String label(int status) {
        return LABELS.getOrDefault(status, "Unknown error");
    }

    static boolean ok(int status) {
        return status == SUCCESS || status == LAST_SUCCESS;
    }
}
