package bkops.model.job;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A host's log in a step: the script output ({@code content}) or the file transfers ({@code fileLogs}), from
 * get_job_instance_ip_log's data or one entry of batch_get_job_instance_ip_log's script_task_logs / file_task_logs.
 */
public record HostLog(long bkHostId, String ip, long bkCloudId, String content, List<FileLog> fileLogs) {

    public static HostLog parse(JsonNode n) {
        List<FileLog> files = new ArrayList<>();
        n.path("file_logs").forEach(f -> files.add(FileLog.parse(f)));
        return new HostLog(Fields.number(n, "bk_host_id"), Fields.text(n, "ip"), Fields.number(n, "bk_cloud_id"),
                Fields.text(n, "log_content"), List.copyOf(files));
    }

    /** Every host log of a batch response's data, script or file. */
    public static List<HostLog> parseBatch(JsonNode data) {
        List<HostLog> logs = new ArrayList<>();
        data.path("script_task_logs").forEach(l -> logs.add(parse(l)));
        data.path("file_task_logs").forEach(l -> logs.add(parse(l)));
        return logs;
    }
}
