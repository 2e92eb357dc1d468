package bkops.model.job;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A job instance as get_job_instance_list lists it (bk-job EsbTaskInstanceV3DTO): job_instance_id (not the docs'
 * example's "id"), status and type (not "task_status", "task_type"), times in epoch ms, null until reached.
 */
public record ListedJob(long id, String name, String operator, RunStatus status, Long createTime, Long startTime,
                        Long endTime, Long totalTime) {

    /** The items of the envelope's data ({@code data.data}, null when the page is empty). */
    public static List<ListedJob> parseList(JsonNode data) {
        List<ListedJob> jobs = new ArrayList<>();
        data.path("data").forEach(j -> jobs.add(new ListedJob(Fields.number(j, "job_instance_id"), Fields.text(j, "name"),
                Fields.text(j, "operator"), RunStatus.of((int) Fields.number(j, "status")),
                Fields.numberOrNull(j, "create_time"), Fields.numberOrNull(j, "start_time"),
                Fields.numberOrNull(j, "end_time"), Fields.numberOrNull(j, "total_time"))));
        return jobs;
    }
}
