package bkops.sandbox.job;

import bkops.sandbox.job.JobState.HostResult;
import bkops.sandbox.job.JobState.JobInstance;
import bkops.sandbox.job.JobState.StepInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} objects of the read APIs, keyed as bk-job writes them. Fields without a value are written as null:
 * only the envelope (EsbResp) is {@code @JsonInclude(NON_NULL)}, and bk-job sets no default inclusion (JacksonConfig),
 * so a running job has {@code "end_time": null}. Lists marked NON_EMPTY (step_ip_result_list,
 * step_result_group_list) are left out when empty.
 */
final class JobViews {
    private JobViews() {}

    static Map<String, Object> jobStatus(JobInstance job, boolean withHosts) {
        Map<String, Object> instance = new LinkedHashMap<>();
        // EsbDTOAppScopeMappingHelper.fillEsbAppScopeDTOByAppId: bk_biz_id too while the bk_biz_id compatibility
        // toggle is on (it is in the sandbox, see JobParams.scope)
        instance.put("bk_biz_id", Long.parseLong(job.bkScopeId));
        instance.put("job_instance_id", job.jobInstanceId);
        instance.put("bk_scope_type", job.bkScopeType);
        instance.put("bk_scope_id", job.bkScopeId);
        instance.put("name", job.name);
        instance.put("create_time", job.createTime);
        instance.put("status", job.status);
        putTimes(instance, job.startTime, job.endTime);

        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepInstance step : job.steps) {
            Map<String, Object> s = stepHeader(step);
            if (withHosts) {
                List<Map<String, Object>> hosts = new ArrayList<>();
                for (HostResult h : step.hosts) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("bk_host_id", h.bkHostId);
                    r.put("ip", h.ip);
                    r.put("bk_cloud_id", h.bkCloudId);
                    r.put("status", h.status);
                    r.put("tag", "");
                    r.put("exit_code", h.exitCode);
                    r.put("error_code", h.errorCode);
                    putTimes(r, h.startTime, h.endTime);
                    hosts.add(r);
                }
                if (!hosts.isEmpty()) {
                    s.put("step_ip_result_list", hosts); // @JsonInclude(NON_EMPTY): a confirmation has none
                }
            }
            steps.add(s);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("finished", RunStatus.finished(job.status));
        data.put("job_instance", instance);
        data.put("step_instance_list", steps);
        return data;
    }

    /**
     * An item of get_job_instance_list (bk-job EsbTaskInstanceV3DTO, fields in its order after EsbAppScopeDTO's).
     * A fast job has plan and template -1 (EsbFastExecuteScriptV3ResourceImpl.buildFastScriptTaskInstance,
     * EsbFastTransferFileV3ResourceImpl.buildFastFileTaskInstance: setPlanId(-1L), setTaskTemplateId(-1L)); a seeded
     * plan stands for a template of the same id. launch_mode is 2 (API): SOPS plugins launch every instance here.
     * total_time: end minus start once ended; while running, waiting or stopping TaskResultServiceImpl.computeTotalTime
     * counts up to now; null before the start.
     */
    static Map<String, Object> listed(JobInstance job, long now) {
        boolean fast = JobPlans.jobPlan(job.planId) == null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bk_biz_id", Long.parseLong(job.bkScopeId)); // the bk_biz_id compatibility toggle, as in jobStatus
        m.put("bk_scope_type", job.bkScopeType);
        m.put("bk_scope_id", job.bkScopeId);
        m.put("job_instance_id", job.jobInstanceId);
        m.put("job_plan_id", fast ? -1L : job.planId);
        m.put("job_template_id", fast ? -1L : job.planId);
        m.put("name", job.name);
        m.put("operator", job.operator);
        m.put("launch_mode", 2);
        m.put("status", job.status);
        m.put("start_time", job.startTime);
        m.put("end_time", job.endTime);
        Long total = job.startTime == null ? null : job.endTime != null ? job.endTime - job.startTime
                : job.status == RunStatus.RUNNING || job.status == RunStatus.WAITING_USER || job.status == RunStatus.STOPPING
                ? now - job.startTime : null;
        m.put("total_time", total);
        m.put("create_time", job.createTime);
        m.put("type", taskType(job));
        return m;
    }

    /** TaskTypeEnum: 0 a plan (NORMAL), 1 a fast script (SCRIPT), 2 a fast file transfer (FILE). */
    static int taskType(JobInstance job) {
        if (JobPlans.jobPlan(job.planId) != null) {
            return 0;
        }
        return JobPlans.plan(job.planId).steps().get(0).type() == JobPlans.FILE ? 2 : 1;
    }

    /** get_step_instance_status: hosts grouped by result (all tags are empty), each group capped at {@code maxPerGroup}. */
    static Map<String, Object> stepStatus(StepInstance step, List<HostResult> hosts, Integer maxPerGroup) {
        Map<Integer, List<HostResult>> byStatus = new LinkedHashMap<>();
        hosts.forEach(h -> byStatus.computeIfAbsent(h.status, k -> new ArrayList<>()).add(h));
        List<Map<String, Object>> groups = new ArrayList<>();
        byStatus.forEach((status, members) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("result_type", status);
            g.put("result_type_desc", HostStatus.label(status));
            g.put("tag", "");
            g.put("host_size", members.size());
            g.put("host_result_list", members.stream()
                    .limit(maxPerGroup == null ? Long.MAX_VALUE : maxPerGroup)
                    .map(JobViews::groupedHost)
                    .toList());
            groups.add(g);
        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("step_instance_id", step.stepInstanceId);
        data.put("execute_count", step.executeCount);
        data.put("name", step.name);
        data.put("type", step.type);
        data.put("status", step.status);
        data.put("create_time", step.createTime);
        putTimes(data, step.startTime, step.endTime);
        if (!groups.isEmpty()) {
            data.put("step_result_group_list", groups); // @JsonInclude(NON_EMPTY)
        }
        return data;
    }

    /** ipv6 and bk_agent_id are written as explicit nulls here, as the gateway doc's example shows them. */
    private static Map<String, Object> groupedHost(HostResult h) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("bk_host_id", h.bkHostId);
        r.put("ip", h.ip);
        r.put("ipv6", null);
        r.put("bk_agent_id", null);
        r.put("bk_cloud_id", h.bkCloudId);
        r.put("bk_cloud_name", "Default Area");
        r.put("status", h.status);
        r.put("status_desc", HostStatus.label(h.status));
        r.put("tag", "");
        r.put("exit_code", h.exitCode);
        putTimes(r, h.startTime, h.endTime);
        return r;
    }

    private static Map<String, Object> stepHeader(StepInstance step) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("step_instance_id", step.stepInstanceId);
        s.put("name", step.name);
        s.put("type", step.type);
        s.put("status", step.status);
        s.put("execute_count", step.executeCount);
        s.put("create_time", step.createTime);
        putTimes(s, step.startTime, step.endTime);
        return s;
    }

    private static void putTimes(Map<String, Object> m, Long start, Long end) {
        m.put("start_time", start);
        m.put("end_time", end);
        m.put("total_time", start != null && end != null ? end - start : null);
    }
}
