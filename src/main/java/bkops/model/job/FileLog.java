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
                (int) Fields.number(n, "status"), Fields.text(n, "log_content"), Fields.text(n, "size"),
                Fields.text(n, "speed"), Fields.text(n, "process"));
    }

    public boolean upload() {
        return mode == 0;
    }

    /** File-log status: 1 waiting, 2 uploading, 3 downloading, 4 success, 5 failed. */
    public String statusWord() {
        return switch (status) {
            case 1 -> "waiting";
            case 2 -> "uploading";
            case 3 -> "downloading";
            case 4 -> "success";
            case 5 -> "failed";
            default -> "status " + status;
        };
    }
}
