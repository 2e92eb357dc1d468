package bkops.sandbox.job;

import static bkops.sandbox.job.JobParams.invalidParam;
import static bkops.sandbox.job.JobParams.optLong;
import static bkops.sandbox.job.JobParams.operationId;
import static bkops.sandbox.job.JobParams.queryId;

import bkops.sandbox.SandboxError;
import bkops.sandbox.job.JobParams.Scope;
import bkops.sandbox.job.JobPlans.Host;
import bkops.sandbox.job.JobPlans.StepPlan;
import bkops.sandbox.job.JobState.HostResult;
import bkops.sandbox.job.JobState.JobInstance;
import bkops.sandbox.job.JobState.StepInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The simulated BlueKing Job (SEAM: owned by the Job part of the sandbox; the SOPS part only calls these methods).
 * All state lives in {@link JobState}, which the sandbox persists together with the rest of its world.
 *
 * <p>Messages are bk-job's message_en texts (bkops sends {@code Blueking-Language: en}). The Chinese ones, for reference:
 * 1240003 请求参数错误 / Bad Request; 1241002 请求参数不合法 / Invalid request parameters;
 * 1241003 不支持的操作 / Unsupported operation; 1241007 缺少请求参数或参数值不合法[{0}];
 * 1241015 不支持的操作，请勿重复启动作业; 1243049 业务/业务集不存在或已归档;
 * 1244006 作业实例不存在 / Task instance does not exist; 1244007 作业步骤实例不存在 / Task step instance does not exist;
 * 1244016 仅允许步骤确认人操作 / Only the confirmer of the step can operate.
 */
public final class JobSimulator {
    private JobSimulator() {}

    /** The outcome of a job instance as a SOPS job node sees it. */
    public enum Outcome { RUNNING, WAITING_USER, SUCCESS, FAILED }

    /** The APIs {@link #handle} answers; the front door should route only these here. */
    public static final Set<String> APIS = Set.of("get_job_instance_status", "get_step_instance_status",
            "get_job_instance_ip_log", "batch_get_job_instance_ip_log", "operate_step_instance", "operate_job_instance",
            "get_job_instance_list");

    /** Step operation codes bk-job knows (StepOperationEnum); any other is an invalid parameter. */
    private static final Set<Integer> STEP_OPERATIONS = Set.of(2, 3, 6, 8, 9, 10, 11, 12, 13);
    private static final int MAX_LOG_HOSTS = 500;
    /** Step statuses at which a job halts until an operator acts: the SOPS node shows FAILED. */
    private static final Set<Integer> STOPPED_STEP =
            Set.of(RunStatus.FAIL, RunStatus.ABNORMAL_STATE, RunStatus.STOP_SUCCESS, RunStatus.CONFIRM_TERMINATED);

    /**
     * Starts a job instance of a seeded plan for a SOPS job node; returns the job_instance_id.
     * @param planId the plan the node's input names (seeded plans are defined by the Job part, see {@link JobPlans})
     * @param operator who launched it (get_job_instance_list's operator)
     * @throws SandboxError 1243009 when no such plan is seeded
     */
    public static long createInstance(JobState state, long bizId, long planId, String name, String operator, Instant now) {
        JobPlans.Plan plan = JobPlans.jobPlan(planId);
        if (plan == null) {
            throw new SandboxError(1243009, "Job plan does not exist: " + planId);
        }
        return JobEngine.launch(state, bizId, plan, name, operator, now.toEpochMilli()).jobInstanceId;
    }

    /** What a SOPS fast plugin asks Job to run (fast_execute_script / fast_transfer_file), in the simulator's terms. */
    public enum FastJob {
        /** A script with rolling_config (expression "1", mode 3 MANUAL) over three hosts. */
        ROLLING_SCRIPT(JobPlans.ROLLING_SCRIPT),
        /** A file from a third-party file source to three hosts. */
        PUSH_FILE(JobPlans.FAST_PUSH_FILE);

        private final long id;

        FastJob(long id) {
            this.id = id;
        }
    }

    /** Starts a fast job for a SOPS fast-plugin node on behalf of {@code operator}; returns the job_instance_id. */
    public static long createFastInstance(JobState state, long bizId, FastJob kind, String name, String operator,
                                          Instant now) {
        return JobEngine.launch(state, bizId, JobPlans.fastJob(kind.id), name, operator, now.toEpochMilli()).jobInstanceId;
    }

    /**
     * The job instance's status code (RunStatusEnum) at {@code now}, as a polling plugin reads
     * data.job_instance.status (bk-sops JobScheduleService.plugin_schedule).
     */
    public static int jobStatus(JobState state, long jobInstanceId, Instant now) {
        JobInstance job = state.instances.get(jobInstanceId);
        if (job == null) {
            throw new IllegalArgumentException("No job instance " + jobInstanceId);
        }
        JobEngine.advance(job, now.toEpochMilli());
        return job.status;
    }

    /** Advances the instance to {@code now} and returns what the SOPS node should show. */
    public static Outcome outcome(JobState state, long jobInstanceId, Instant now) {
        JobInstance job = state.instances.get(jobInstanceId);
        if (job == null) {
            throw new IllegalArgumentException("No job instance " + jobInstanceId);
        }
        JobEngine.advance(job, now.toEpochMilli());
        int step = JobEngine.current(job).status;
        if (job.status == RunStatus.SUCCESS || job.steps.stream().allMatch(s -> RunStatus.passed(s.status))) {
            return Outcome.SUCCESS;
        }
        if (STOPPED_STEP.contains(step) || job.status == RunStatus.TERMINATED || job.status == RunStatus.FAIL) {
            return Outcome.FAILED;
        }
        return step == RunStatus.WAITING_USER ? Outcome.WAITING_USER : Outcome.RUNNING;
    }

    /**
     * Handles one Job API call (operate_step_instance, get_job_instance_status, get_job_instance_ip_log, ...) after the
     * front door has authenticated it and merged query and body into {@code params}. Business errors come back as
     * bodies too ({@code result: false}, the real code and message_en, {@code job_request_id}), never as exceptions.
     * @param method the HTTP method; only get_step_instance_status (a GET-only controller) looks at it
     * @return the complete response body (envelope included) to send with HTTP 200
     */
    public static Map<String, Object> handle(JobState state, String api, String method, Map<String, Object> params,
                                             String username, Instant now) {
        long nowMs = now.toEpochMilli();
        try {
            Object data = switch (api) {
                case "get_job_instance_status" -> jobStatus(state, params, nowMs);
                case "get_step_instance_status" -> stepStatus(state, method, params, nowMs);
                case "get_job_instance_ip_log" -> hostLog(state, params, nowMs);
                case "batch_get_job_instance_ip_log" -> batchLog(state, params, nowMs);
                case "operate_step_instance" -> operateStep(state, params, username, nowMs);
                case "operate_job_instance" -> operateJob(state, params, nowMs);
                case "get_job_instance_list" -> jobList(state, params, nowMs);
                default -> throw new IllegalArgumentException("Not a Job API: " + api);
            };
            Map<String, Object> body = envelope(true, 0);
            body.put("data", data);
            body.put("job_request_id", requestId());
            return body;
        } catch (SandboxError e) {
            Map<String, Object> body = envelope(false, e.code());
            body.put("message", e.messageValue());
            body.putAll(e.extra());
            body.put("job_request_id", requestId());
            return body;
        }
    }

    private static Object jobStatus(JobState state, Map<String, Object> params, long now) {
        Scope scope = scope(state, params, true);
        JobInstance job = job(state, scope, queryId(params, "job_instance_id"), now);
        return JobViews.jobStatus(job, JobParams.optBoolean(params, "return_ip_result"));
    }

    /** The longest create-time range get_job_instance_list searches (bk-job execute Consts.MAX_SEARCH_TASK_HISTORY_RANGE_MILLS). */
    private static final long MAX_LIST_RANGE_MS = 30L * 24 * 60 * 60 * 1000;
    /** TaskStartupModeEnum.API: every instance here is launched by a SOPS plugin through Job's API. */
    private static final int LAUNCH_MODE_API = 2;

    /**
     * get_job_instance_list (bk-job EsbGetJobInstanceListV3ResourceImpl): create_time_start and create_time_end are
     * required, each at least 1 (1241007 naming the first bad one), the end after the start (1241007
     * "create_time_start|create_time_end") and no more than 30 days after it (1241002, checkRequest); an unknown type is
     * 1241002. TaskInstanceDAOImpl.listPageTaskInstanceByBasicInfo: the scope's instances created in [start, end]
     * (both ends included), job_instance_id alone when given (buildSearchCondition ignores the rest), operator exact,
     * name a substring, newest created first, start default 0 and length default 10 (getStartOrDefault,
     * getLengthOrDefault: a negative start or a length below 1 is the default; no upper limit in V3, whatever the
     * docs' "max 1000, default 20"); total counts every match. The ip filter (listPageTaskInstanceByIp) matches a target
     * host's ip.
     */
    private static Object jobList(JobState state, Map<String, Object> params, long now) {
        Scope scope = scope(state, params, true);
        Long from = optLong(params, "create_time_start");
        Long to = optLong(params, "create_time_end");
        if (from == null || from < 1) {
            throw invalidParam("create_time_start");
        }
        if (to == null || to < 1) {
            throw invalidParam("create_time_end");
        }
        if (to - from <= 0) {
            throw invalidParam("create_time_start|create_time_end");
        }
        if (to - from > MAX_LIST_RANGE_MS) {
            throw new SandboxError(1241002, "Invalid request parameters");
        }
        Long type = optLong(params, "type");
        if (type != null && (type < 0 || type > 2)) { // TaskTypeEnum: 0 NORMAL, 1 SCRIPT, 2 FILE
            throw new SandboxError(1241002, "Invalid request parameters");
        }
        Long id = optLong(params, "job_instance_id");
        String operator = JobParams.optString(params, "operator");
        String name = JobParams.optString(params, "name");
        Long status = optLong(params, "status");
        Long mode = optLong(params, "launch_mode");
        String ip = JobParams.optString(params, "ip");
        Long start = optLong(params, "start");
        Long length = optLong(params, "length");
        int first = start == null || start < 0 ? 0 : Math.toIntExact(start);
        int size = length == null || length <= 0 ? 10 : Math.toIntExact(length);
        List<JobInstance> found = new ArrayList<>();
        for (JobInstance job : state.instances.values()) {
            if (!job.bkScopeType.equals(scope.type()) || !job.bkScopeId.equals(scope.id())) {
                continue;
            }
            boolean match = id != null && id > 0 ? job.jobInstanceId == id
                    : job.createTime >= from && job.createTime <= to
                    && (operator == null || operator.isBlank() || operator.equals(job.operator))
                    && (name == null || name.isBlank() || job.name.contains(name))
                    && (status == null || job.status == status)
                    && (mode == null || mode == LAUNCH_MODE_API)
                    && (type == null || type == JobViews.taskType(job))
                    && (ip == null || ip.isEmpty() || job.steps.stream().anyMatch(s -> s.hosts.stream().anyMatch(h -> h.ip.equals(ip))));
            if (match) {
                JobEngine.advance(job, now);
                found.add(job);
            }
        }
        found.sort((a, b) -> Long.compare(b.createTime, a.createTime)); // CREATE_TIME.desc()
        List<Map<String, Object>> page = found.stream().skip(first).limit(size)
                .map(j -> JobViews.listed(j, now)).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("start", first);
        data.put("length", size);
        data.put("total", (long) found.size());
        // convertToEsbTaskInstancePageData sets data only when the page has instances: an empty page has "data": null
        data.put("data", page.isEmpty() ? null : page);
        return data;
    }

    private static Object stepStatus(JobState state, String method, Map<String, Object> params, long now) {
        if (!"GET".equalsIgnoreCase(method)) {
            throw JobParams.badRequest("Bad Request");
        }
        Scope scope = scope(state, params, false);
        JobInstance job = job(state, scope, queryId(params, "job_instance_id"), now);
        StepInstance step = step(job, queryId(params, "step_instance_id"));
        StepPlan plan = JobEngine.planOf(job, step);
        String searchIp = JobParams.optString(params, "search_ip");
        String keyword = JobParams.optString(params, "keyword");
        Long status = optLong(params, "status");
        String tag = JobParams.optString(params, "tag");
        Long max = optLong(params, "max_host_num_per_group");
        // execute_count is accepted but earlier executions are not kept: the latest is always shown.
        optLong(params, "execute_count");
        // EsbGetStepInstanceStatusV3ResourceImpl: no batch means a rolling step's latest batch (filterByLatestBatch,
        // TaskResultServiceImpl.getStepExecutionResult), 0 every batch, N batch N
        Long batch = optLong(params, "batch");
        int wanted = !plan.rolling() ? 0 : batch == null ? Math.max(1, step.batch) : batch.intValue();
        List<HostResult> inBatch = new ArrayList<>();
        for (int i = 0; i < step.hosts.size(); i++) {
            if (wanted == 0 || plan.batchOf(i) == wanted) {
                inBatch.add(step.hosts.get(i));
            }
        }
        List<HostResult> hosts = inBatch.stream()
                .filter(h -> searchIp == null || h.ip.contains(searchIp))
                .filter(h -> status == null || h.status == status)
                .filter(h -> tag == null || tag.isEmpty()) // no seeded host is tagged
                .filter(h -> keyword == null || step.type == JobPlans.SCRIPT
                        && JobLogs.scriptLog(plan, step, h).contains(keyword))
                .toList();
        return JobViews.stepStatus(step, hosts, max == null ? null : Math.toIntExact(max));
    }

    /**
     * get_job_instance_ip_log (bk-job EsbGetJobInstanceIpLogV3ResourceImpl): bk_host_id, bk_cloud_id and ip echo the
     * request (so asked by host id, ip and cloud are null); log_content is set only when not blank, and then, asked by
     * ip, the host id is filled in; a file step lists the asked host's download and then the upload of every source
     * (batchGetFileSourceExecuteObjectLogContent), whichever host was asked. Fields without a value are written as null.
     */
    private static Object hostLog(JobState state, Map<String, Object> params, long now) {
        Scope scope = scope(state, params, true);
        long jobId = queryId(params, "job_instance_id");
        long stepId = queryId(params, "step_instance_id");
        Long hostId = optLong(params, "bk_host_id");
        Long cloudId = optLong(params, "bk_cloud_id");
        String ip = JobParams.optString(params, "ip");
        if (hostId == null && (cloudId == null || ip == null || ip.isBlank())) {
            throw invalidParam("host_id/(bk_cloud_id+ip)");
        }
        JobInstance job = job(state, scope, jobId, now);
        StepInstance step = step(job, stepId);
        StepPlan plan = JobEngine.planOf(job, step);
        Host host = knownHosts(job, step).stream()
                .filter(h -> hostId != null ? h.bkHostId() == hostId : h.bkCloudId() == cloudId && h.ip().equals(ip))
                .findFirst()
                .orElse(null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("log_type", step.type == JobPlans.CONFIRM ? null : logType(step));
        data.put("bk_host_id", hostId);
        data.put("bk_cloud_id", cloudId);
        data.put("ip", ip);
        data.put("log_content", null);
        data.put("file_logs", null);
        if (step.type == JobPlans.SCRIPT) {
            HostResult result = host == null ? null
                    : step.hosts.stream().filter(h -> h.bkHostId == host.bkHostId()).findFirst().orElse(null);
            String content = result == null ? "" : JobLogs.scriptLog(plan, step, result);
            if (!content.isBlank()) {
                data.put("log_content", content);
                if (hostId == null) {
                    data.put("bk_host_id", host.bkHostId());
                }
            }
        } else if (step.type == JobPlans.FILE) {
            List<Map<String, Object>> files = new ArrayList<>();
            Map<String, Object> download = host == null ? null : JobLogs.download(plan, step, host.bkHostId(), false);
            if (download != null) {
                files.add(download);
            }
            Map<String, Object> upload = JobLogs.upload(plan, step, false);
            if (upload != null) {
                files.add(upload);
            }
            if (hostId == null) {
                // buildFileLog: the first file log whose source or target is the asked cloud + ip names the host
                for (Map<String, Object> f : files) {
                    Long found = hostOf(f.get("src_ip"), cloudId, ip);
                    found = found != null ? found : hostOf(f.get("dest_ip"), cloudId, ip);
                    if (found != null) {
                        data.put("bk_host_id", found);
                        break;
                    }
                }
            }
            data.put("file_logs", files);
        }
        return data;
    }

    /**
     * batch_get_job_instance_ip_log (bk-job EsbBatchGetJobInstanceIpLogV3ResourceImpl): only hosts that have a log;
     * a script entry names its host {@code host_id} (EsbScriptHostLogV3DTO, not bk_host_id as the docs say) with an
     * ipv6; a file entry has no host id at all (EsbFileIpLogV3DTO: bk_cloud_id, ip, file_logs); the list of the other
     * kind, or of a step with no log yet, is null.
     */
    private static Object batchLog(JobState state, Map<String, Object> params, long now) {
        Scope scope = scope(state, params, true);
        long jobId = queryId(params, "job_instance_id");
        long stepId = queryId(params, "step_instance_id");
        List<?> hostIds = list(params.get("host_id_list"));
        List<?> ips = list(params.get("ip_list"));
        List<?> wanted = hostIds != null && !hostIds.isEmpty() ? hostIds : ips;
        if (wanted == null || wanted.isEmpty() || wanted.size() > MAX_LOG_HOSTS) {
            throw invalidParam("host_id_list/ip_list");
        }
        JobInstance job = job(state, scope, jobId, now);
        StepInstance step = step(job, stepId);
        StepPlan plan = JobEngine.planOf(job, step);
        List<Map<String, Object>> logs = new ArrayList<>();
        for (Host host : knownHosts(job, step)) {
            if (!wanted.stream().anyMatch(w -> wanted == hostIds ? matchesId(w, host) : matchesIp(w, host))) {
                continue;
            }
            Map<String, Object> log = new LinkedHashMap<>();
            if (step.type == JobPlans.SCRIPT) {
                HostResult result = step.hosts.stream().filter(h -> h.bkHostId == host.bkHostId()).findFirst().orElse(null);
                if (result == null || result.startTime == null) {
                    continue; // no log written yet
                }
                log.put("host_id", host.bkHostId());
                log.put("bk_cloud_id", host.bkCloudId());
                log.put("ip", host.ip());
                log.put("ipv6", null);
                log.put("log_content", JobLogs.scriptLog(plan, step, result));
            } else if (step.type == JobPlans.FILE) {
                List<Map<String, Object>> files = new ArrayList<>();
                Map<String, Object> download = JobLogs.download(plan, step, host.bkHostId(), true);
                if (download != null) {
                    files.add(download);
                }
                Map<String, Object> upload = host.equals(plan.file().source()) ? JobLogs.upload(plan, step, true) : null;
                if (upload != null) {
                    files.add(upload);
                }
                if (files.isEmpty()) {
                    continue;
                }
                log.put("bk_cloud_id", host.bkCloudId());
                log.put("ip", host.ip());
                log.put("file_logs", files);
            } else {
                continue;
            }
            logs.add(log);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("job_instance_id", jobId);
        data.put("step_instance_id", stepId);
        data.put("log_type", step.type == JobPlans.CONFIRM ? null : logType(step));
        data.put("script_task_logs", step.type == JobPlans.SCRIPT && !logs.isEmpty() ? logs : null);
        data.put("file_task_logs", step.type == JobPlans.FILE && !logs.isEmpty() ? logs : null);
        return data;
    }

    private static Object operateStep(JobState state, Map<String, Object> params, String username, long now) {
        Scope scope = scope(state, params, true);
        long jobId = operationId(params, "job_instance_id");
        long stepId = operationId(params, "step_instance_id");
        Long code = optLong(params, "operation_code");
        if (code == null || !STEP_OPERATIONS.contains(code.intValue())) {
            throw new SandboxError(1241002, "Invalid request parameters");
        }
        JobInstance job = job(state, scope, jobId, now);
        StepInstance step = step(job, stepId);
        switch (code.intValue()) {
            case 2 -> JobEngine.retry(job, step, false, now);
            case 3 -> JobEngine.ignoreError(job, step, now);
            case 6 -> JobEngine.confirm(job, step, username, true, now);
            case 8 -> JobEngine.retry(job, step, true, now);
            case 9 -> JobEngine.confirm(job, step, username, false, now);
            case 10 -> JobEngine.reconfirm(job, step);
            case 11 -> JobEngine.nextStep(job, step, now);
            case 12 -> JobEngine.forceSkip(job, step, now);
            case 13 -> JobEngine.continueRolling(job, step, now);
            default -> throw JobEngine.unsupported();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("job_instance_id", jobId);
        data.put("step_instance_id", stepId);
        return data;
    }

    private static Object operateJob(JobState state, Map<String, Object> params, long now) {
        Scope scope = scope(state, params, true);
        long jobId = operationId(params, "job_instance_id");
        Long code = optLong(params, "operation_code");
        if (code == null || code != 1 && code != 2) {
            throw new SandboxError(1241002, "Invalid request parameters");
        }
        JobInstance job = job(state, scope, jobId, now);
        if (code == 1) {
            JobEngine.terminate(job, now);
        } else if (job.status != RunStatus.BLANK) {
            // Seeded instances start as soon as they are created, so "start" always finds them started.
            throw new SandboxError(1241015,
                    "Unsupported operation, do not repeat start the job, job_instance_id=" + jobId);
        }
        return Map.of("job_instance_id", jobId);
    }

    // ---- lookups ----

    private static Scope scope(JobState state, Map<String, Object> params, boolean legacyAllowed) {
        Scope scope = JobParams.scope(params, legacyAllowed);
        boolean exists = "biz".equals(scope.type()) && scope.id().matches("\\d{1,18}")
                && state.businesses.contains(Long.parseLong(scope.id()));
        if (!exists) {
            throw new SandboxError(1243049, "Business/Business Set not exist or archived");
        }
        return scope;
    }

    /** The instance, advanced to now; one of another scope is indistinguishable from a missing one. */
    private static JobInstance job(JobState state, Scope scope, long jobId, long now) {
        JobInstance job = state.instances.get(jobId);
        if (job == null || !job.bkScopeType.equals(scope.type()) || !job.bkScopeId.equals(scope.id())) {
            throw new SandboxError(1244006, "Task instance does not exist");
        }
        JobEngine.advance(job, now);
        return job;
    }

    private static StepInstance step(JobInstance job, long stepId) {
        return job.steps.stream()
                .filter(s -> s.stepInstanceId == stepId)
                .findFirst()
                .orElseThrow(() -> new SandboxError(1244007, "Task step instance does not exist"));
    }

    /** The step's target hosts plus, for a file step, its source host (whose upload log can be read). */
    private static List<Host> knownHosts(JobInstance job, StepInstance step) {
        List<Host> hosts = new ArrayList<>();
        step.hosts.forEach(h -> hosts.add(new Host(h.bkHostId, h.ip, h.bkCloudId)));
        StepPlan plan = JobEngine.planOf(job, step);
        if (plan.file() != null && !hosts.contains(plan.file().source())) {
            hosts.add(plan.file().source());
        }
        return hosts;
    }

    private static Long hostOf(Object esbIp, Long cloudId, String ip) {
        if (esbIp instanceof Map<?, ?> m && ip.equals(m.get("ip")) && cloudId.equals(m.get("bk_cloud_id"))) {
            return (Long) m.get("bk_host_id");
        }
        return null;
    }

    private static int logType(StepInstance step) {
        return step.type == JobPlans.FILE ? 2 : 1;
    }

    private static List<?> list(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> l) {
            return l;
        }
        throw JobParams.badRequest("Bad Request");
    }

    private static boolean matchesId(Object wanted, Host host) {
        return wanted != null && String.valueOf(host.bkHostId()).equals(wanted.toString().trim());
    }

    private static boolean matchesIp(Object wanted, Host host) {
        if (!(wanted instanceof Map<?, ?> m) || m.get("ip") == null) {
            return false;
        }
        Object cloud = m.get("bk_cloud_id");
        return host.ip().equals(m.get("ip").toString())
                && String.valueOf(host.bkCloudId()).equals(String.valueOf(cloud == null ? 0 : cloud));
    }

    private static Map<String, Object> envelope(boolean result, long code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result);
        body.put("code", code);
        return body;
    }

    /** bk-job's request id is a 32-hex trace id. */
    private static String requestId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
