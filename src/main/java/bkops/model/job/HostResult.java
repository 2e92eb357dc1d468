package bkops.model.job;

import com.fasterxml.jackson.databind.JsonNode;

/** One host's result in a step (step_ip_result_list[]); times are epoch ms, null until reached. */
public record HostResult(long bkHostId, String ip, long bkCloudId, int status, int exitCode, int errorCode,
                         Long startTime, Long endTime, Long totalTime) {

    public static HostResult parse(JsonNode n) {
        return new HostResult(Fields.number(n, "bk_host_id"), Fields.text(n, "ip"), Fields.number(n, "bk_cloud_id"),
                (int) Fields.number(n, "status"), (int) Fields.number(n, "exit_code"),
                (int) Fields.number(n, "error_code"), Fields.numberOrNull(n, "start_time"),
                Fields.numberOrNull(n, "end_time"), Fields.numberOrNull(n, "total_time"));
    }

    public String statusWord() {
        return HostStatus.word(status);
    }

    public boolean failed() {
        return HostStatus.failed(status);
    }
}
