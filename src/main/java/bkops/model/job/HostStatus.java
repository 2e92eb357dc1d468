package bkops.model.job;

import java.util.Map;

/**
 * Per-host result codes (bk-job ExecuteObjectTaskStatusEnum; the v3 docs under-list them, bk-job#597), in words.
 */
public final class HostStatus {
    private HostStatus() {}

    private static final Map<Integer, String> WORDS = Map.ofEntries(
            Map.entry(0, "unknown error"), Map.entry(1, "agent error"), Map.entry(2, "invalid host"),
            Map.entry(3, "last success"), Map.entry(5, "waiting"), Map.entry(7, "running"), Map.entry(9, "success"),
            Map.entry(11, "failed"), Map.entry(12, "submit failed"), Map.entry(13, "task timeout"),
            Map.entry(15, "log error"), Map.entry(16, "GSE script log timeout"), Map.entry(17, "GSE file log timeout"),
            Map.entry(18, "agent not installed"), Map.entry(101, "script failed"), Map.entry(102, "script timeout"),
            Map.entry(103, "script terminated"), Map.entry(104, "script exit code non-zero"),
            Map.entry(202, "file transfer failed"), Map.entry(203, "source file missing"),
            Map.entry(301, "file task system error"), Map.entry(303, "file task timeout"), Map.entry(310, "agent error"),
            Map.entry(311, "user name not found"), Map.entry(312, "user password error"),
            Map.entry(320, "file fetch failed"), Map.entry(321, "file exceeds limit"),
            Map.entry(329, "file transfer error"), Map.entry(399, "task execution error"),
            Map.entry(403, "terminate succeeded"), Map.entry(404, "terminate failed"), Map.entry(500, "unknown"));

    public static String word(int status) {
        String w = WORDS.get(status);
        return w == null ? "status " + status : w;
    }

    /** Neither done well nor still going: these hosts are the ones whose logs an operator reads. */
    public static boolean failed(int status) {
        return status != 3 && status != 5 && status != 7 && status != 9;
    }
}
