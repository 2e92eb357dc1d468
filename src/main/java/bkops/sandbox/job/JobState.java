package bkops.sandbox.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the Job simulator remembers (SEAM: owned by the Job part). Must stay a plain Jackson-serialisable
 * object (public fields and a no-arg constructor, no bean getters) because the sandbox persists it in its state file.
 */
public class JobState {
    public long nextJobInstanceId = 20001;
    public long nextStepInstanceId = 50001;
    /** Business ids that exist as {@code biz} scopes; 2 is the seeded business. */
    public List<Long> businesses = new ArrayList<>(List.of(2L));
    public Map<Long, JobInstance> instances = new LinkedHashMap<>();

    /** One launched instance of a seeded plan. Times are epoch ms; null until reached. */
    public static class JobInstance {
        public long jobInstanceId;
        public long planId;
        public String bkScopeType;
        public String bkScopeId;
        public String name;
        /** Who launched it: the SOPS task's executor (get_job_instance_list's operator). */
        public String operator;
        public int status;
        public long createTime;
        public Long startTime;
        public Long endTime;
        /** Index into {@link #steps} of the step the job is at. */
        public int currentStep;
        public List<StepInstance> steps = new ArrayList<>();
    }

    public static class StepInstance {
        public long stepInstanceId;
        public String name;
        public int type;
        public int status;
        public int executeCount;
        /** A rolling step's current batch, from 1 (bk-job step_instance.batch); 0 for a step that does not roll. */
        public int batch;
        public long createTime;
        public Long startTime;
        public Long endTime;
        /** When a STOPPING step will have stopped. */
        public Long stopAt;
        public List<String> confirmers = new ArrayList<>();
        /** Target hosts; empty for a manual confirmation. */
        public List<HostResult> hosts = new ArrayList<>();
    }

    public static class HostResult {
        public long bkHostId;
        public String ip;
        public long bkCloudId;
        public int status;
        public int exitCode;
        public int errorCode;
        public Long startTime;
        public Long endTime;
    }
}
