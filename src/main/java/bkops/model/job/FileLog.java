package bkops.model.job;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One file transfer seen from a host (file_logs[]): mode 0 is the upload on the source, 1 the download on a target.
 * {@code size}, {@code speed} and {@code progress} come only from the batch API ("process" there).
 */
public record FileLog(int mode, String srcIp, String srcPath, String destIp, String destPath, int status,
                      String content, String size, String speed, String progress) {

    public static FileLog parse(JsonNode n) {
        return new FileLog((int) Fields.number(n, "mode"), Fields.text(n.path("src_ip"), "ip"),
                Fields.text(n, "src_path"), Fields.text(n.path("dest_ip"), "ip"), Fields.text(n, "dest_path"),
                status(n), Fields.text(n, "log_content"), Fields.text(n, "size"),
                Fields.text(n, "speed"), Fields.text(n, "process"));
    }

    /** -1 when the answer has no status: 0 is PULLING, not a default. */
    private static int status(JsonNode n) {
        Long s = Fields.numberOrNull(n, "status");
        return s == null ? -1 : s.intValue();
    }

    public boolean upload() {
        return mode == 0;
    }

    /**
     * File-log status (bk-job FileDistStatusEnum): 0 PULLING "Pulling from third file source" (the file worker fetching
     * a third-party source's file before the transfer; job-file-gateway FileSourceTaskUpdateServiceImpl.writeLog),
     * 1 waiting, 2 uploading, 3 downloading, 4 finished (success), 5 failed.
     */
    public String statusWord() {
        return switch (status) {
            case 0 -> "pulling";
            case 1 -> "waiting";
            case 2 -> "uploading";
            case 3 -> "downloading";
            case 4 -> "success";
            case 5 -> "failed";
            case -1 -> "unknown";
            default -> "status " + status;
        };
    }
}
