package bkops.sandbox.job;

import java.time.Instant;
import java.util.Map;

/**
 * The simulated BlueKing Job (SEAM: owned by the Job part of the sandbox; the SOPS part only calls these methods).
 * All state lives in {@link JobState}, which the sandbox persists together with the rest of its world.
 */
public final class JobSimulator {
    private JobSimulator() {}

    /** The outcome of a job instance as a SOPS job node sees it. */
    public enum Outcome { RUNNING, WAITING_USER, SUCCESS, FAILED }

    /**
     * Starts a job instance of a seeded plan for a SOPS job node; returns the job_instance_id.
     * @param planId the plan the node's input names (seeded plans are defined by the Job part)
     */
    public static long createInstance(JobState state, long bizId, long planId, String name, String operator, Instant now) {
        throw new UnsupportedOperationException("Job simulator not built yet");
    }

    /** Advances the instance to {@code now} and returns what the SOPS node should show. */
    public static Outcome outcome(JobState state, long jobInstanceId, Instant now) {
        throw new UnsupportedOperationException("Job simulator not built yet");
    }

    /**
     * Handles one Job API call (operate_step_instance, get_job_instance_status, get_job_instance_ip_log, ...) after the
     * front door has authenticated it and merged query and body into {@code params}.
     * @return the complete response body (envelope included) to send with HTTP 200
     */
    public static Map<String, Object> handle(JobState state, String api, String method, Map<String, Object> params,
                                             String username, Instant now) {
        throw new UnsupportedOperationException("Job simulator not built yet");
    }
}
