package bkops.model.job;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A host's log in a step: the script output ({@code content}) or the file transfers ({@code fileLogs}), from
 * get_job_instance_ip_log's data or one entry of batch_get_job_instance_ip_log's script_task_logs / file_task_logs.
 * The host id is 0 when the answer has none: a batch script entry calls it {@code host_id} (bk-job
 * EsbScriptHostLogV3DTO), a batch file entry has none (EsbFileIpLogV3DTO: bk_cloud_id and ip only).
 */
public record HostLog(long bkHostId, String ip, long bkCloudId, String content, List<FileLog> fileLogs) {

    public static HostLog parse(JsonNode n) {
        List<FileLog> files = new ArrayList<>();
        n.path("file_logs").forEach(f -> files.add(FileLog.parse(f)));
        long id = Fields.number(n, "bk_host_id");
        return new HostLog(id != 0 ? id : Fields.number(n, "host_id"), Fields.text(n, "ip"),
                Fields.number(n, "bk_cloud_id"), Fields.text(n, "log_content"), List.copyOf(files));
    }

    /** This log's host among a step's host results: by host id, else by cloud area and ip. */
    public boolean isOf(HostResult r) {
        return bkHostId != 0 ? r.bkHostId() == bkHostId : r.ip().equals(ip) && r.bkCloudId() == bkCloudId;
    }

    /** Every host log of a batch response's data, script or file. */
    public static List<HostLog> parseBatch(JsonNode data) {
        List<HostLog> logs = new ArrayList<>();
        data.path("script_task_logs").forEach(l -> logs.add(parse(l)));
        data.path("file_task_logs").forEach(l -> logs.add(parse(l)));
        return logs;
    }
}
