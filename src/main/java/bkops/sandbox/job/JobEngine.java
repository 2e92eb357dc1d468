package bkops.sandbox.job;

import static bkops.sandbox.job.RunStatus.*;

import bkops.sandbox.SandboxError;
import bkops.sandbox.job.JobPlans.Host;
import bkops.sandbox.job.JobPlans.StepPlan;
import bkops.sandbox.job.JobState.HostResult;
import bkops.sandbox.job.JobState.JobInstance;
import bkops.sandbox.job.JobState.StepInstance;

/**
 * The state machine of job instances. Time is simulated: each step has a duration and {@link #advance} replays
 * whatever has happened up to {@code now}, stamping every event at the moment it happened, not at the call.
 */
final class JobEngine {
    private JobEngine() {}

    /** How long a terminated running step stays STOPPING before it is STOP_SUCCESS. */
    static final long STOP_DELAY_MS = 2_000;

    static JobInstance launch(JobState state, long bizId, JobPlans.Plan plan, String name, String operator, long now) {
        JobInstance job = new JobInstance();
        job.jobInstanceId = state.nextJobInstanceId++;
        job.planId = plan.id();
        job.bkScopeType = "biz";
        job.bkScopeId = String.valueOf(bizId);
        job.name = name;
        job.operator = operator;
        job.createTime = now;
        job.startTime = now;
        for (StepPlan p : plan.steps()) {
            StepInstance step = new StepInstance();
            step.stepInstanceId = state.nextStepInstanceId++;
            step.name = p.name();
            step.type = p.type();
            step.status = BLANK;
            step.createTime = now;
            step.confirmers.addAll(p.confirmers());
            for (Host h : p.hosts()) {
                HostResult r = new HostResult();
                r.bkHostId = h.bkHostId();
                r.ip = h.ip();
                r.bkCloudId = h.bkCloudId();
                r.status = HostStatus.WAITING;
                step.hosts.add(r);
            }
            job.steps.add(step);
        }
        start(job, 0, now);
        state.instances.put(job.jobInstanceId, job);
        if (!state.businesses.contains(bizId)) {
            state.businesses.add(bizId);
        }
        return job;
    }

    static StepPlan planOf(JobInstance job, StepInstance step) {
        return JobPlans.plan(job.planId).steps().get(job.steps.indexOf(step));
    }

    static StepInstance current(JobInstance job) {
        return job.steps.get(job.currentStep);
    }

    /** Replays the instance's simulated time up to {@code now}. */
    static void advance(JobInstance job, long now) {
        while (true) {
            StepInstance step = current(job);
            if (job.status == STOPPING && step.stopAt <= now) {
                stopped(job, step);
                return;
            }
            if (job.status != RUNNING || step.status != RUNNING) {
                return;
            }
            StepPlan plan = planOf(job, step);
            Long since = runningSince(step);
            if (since == null && plan.file() != null && plan.file().pullMs() > 0) {
                // A third-party source: the hosts wait while the file worker pulls the file (ThirdFilePrepareService).
                long pulled = step.startTime + plan.file().pullMs();
                if (pulled > now) {
                    return;
                }
                runBatch(job, step, pulled);
                since = pulled;
            }
            if (since == null) {
                since = step.startTime;
            }
            long end = since + plan.durationMs();
            if (end > now) {
                return;
            }
            complete(job, step, end);
            if (step.status == WAITING_USER) {
                return; // a rolling step between batches: the job waits with it
            }
            if (step.status != SUCCESS) {
                job.status = step.status;
                job.endTime = end;
                return;
            }
            proceed(job, end);
        }
    }

    /** When the hosts now running started (a step's, or a rolling batch's, start); null when none runs. */
    private static Long runningSince(StepInstance step) {
        Long since = null;
        for (HostResult h : step.hosts) {
            if (h.status == HostStatus.RUNNING && (since == null || h.startTime < since)) {
                since = h.startTime;
            }
        }
        return since;
    }

    // ---- step operations (operate_step_instance); each checks the state the real service checks ----

    static void retry(JobInstance job, StepInstance step, boolean allHosts, long now) {
        requireCurrent(job, step, FAIL, ABNORMAL_STATE, STOP_SUCCESS);
        step.executeCount++;
        if (step.type == JobPlans.CONFIRM) {
            // A confirmation stopped by terminate has no hosts to re-run: retrying asks the confirmers again.
            start(job, job.currentStep, now);
            return;
        }
        step.status = RUNNING;
        step.startTime = now;
        step.endTime = null;
        StepPlan plan = planOf(job, step);
        for (int i = 0; i < step.hosts.size(); i++) {
            HostResult h = step.hosts.get(i);
            if (plan.batchOf(i) != Math.max(1, step.batch)) {
                continue; // a rolling step retries its current batch; the others keep their results
            }
            if (allHosts || !HostStatus.ok(h.status)) {
                run(h, now);
            } else {
                h.status = HostStatus.LAST_SUCCESS;
            }
        }
        resume(job);
    }

    static void ignoreError(JobInstance job, StepInstance step, long now) {
        requireCurrent(job, step, FAIL, ABNORMAL_STATE);
        step.status = IGNORE_ERROR;
        resume(job);
        proceed(job, now);
    }

    static void confirm(JobInstance job, StepInstance step, String username, boolean goOn, long now) {
        requireCurrent(job, step, WAITING_USER);
        requireConfirmStep(step);
        if (!step.confirmers.contains(username)) {
            throw new SandboxError(1244016, "Only the confirmer of the step can operate");
        }
        step.endTime = now;
        if (goOn) {
            step.status = SUCCESS;
            resume(job);
            proceed(job, now);
        } else {
            step.status = CONFIRM_TERMINATED;
            job.status = CONFIRM_TERMINATED;
            job.endTime = now;
        }
    }

    /**
     * ROLLING_CONTINUE (13): a rolling step waiting between batches starts its next batch. bk-job
     * TaskExecuteServiceImpl.continueRolling: only a WAITING_USER step, only a rolling one (else 1241003); the job
     * goes RUNNING at once and StepEvent.startStep(batch + 1) follows. The step keeps its start time, and the end and
     * total time of the batch before until the last batch ends (GseStepEventHandler.startStep only sets a null start;
     * StepInstanceDAOImpl.updateStepExecutionInfo leaves null fields untouched).
     */
    static void continueRolling(JobInstance job, StepInstance step, long now) {
        requireCurrent(job, step, WAITING_USER);
        if (!planOf(job, step).rolling()) {
            throw unsupported();
        }
        step.batch++;
        step.status = RUNNING;
        resume(job);
        runBatch(job, step, now);
    }

    static void reconfirm(JobInstance job, StepInstance step) {
        requireCurrent(job, step, CONFIRM_TERMINATED);
        requireConfirmStep(step);
        step.status = WAITING_USER;
        step.endTime = null;
        job.status = WAITING_USER;
        job.endTime = null;
    }

    /** NEXT_STEP: the stopped step keeps its STOP_SUCCESS status; the job runs on from the following step. */
    static void nextStep(JobInstance job, StepInstance step, long now) {
        requireCurrent(job, step, STOP_SUCCESS);
        resume(job);
        proceed(job, now);
    }

    static void forceSkip(JobInstance job, StepInstance step, long now) {
        requireCurrent(job, step, STOPPING);
        step.status = SKIPPED;
        step.endTime = now;
        step.stopAt = null;
        for (HostResult h : step.hosts) {
            if (h.status == HostStatus.RUNNING) {
                h.status = HostStatus.TERMINATE_SUCCESS;
                h.endTime = now;
            }
        }
        resume(job);
        proceed(job, now);
    }

    // ---- job operations (operate_job_instance) ----

    static void terminate(JobInstance job, long now) {
        StepInstance step = current(job);
        if (job.status == RUNNING) {
            step.status = STOPPING;
            step.stopAt = now + STOP_DELAY_MS;
            job.status = STOPPING;
        } else if (job.status == WAITING_USER) {
            step.stopAt = now;
            stopped(job, step);
        } else {
            throw unsupported();
        }
    }

    // ---- internals ----

    private static void requireCurrent(JobInstance job, StepInstance step, int... allowed) {
        if (step != current(job)) {
            throw unsupported();
        }
        for (int s : allowed) {
            if (step.status == s) {
                return;
            }
        }
        throw unsupported();
    }

    private static void requireConfirmStep(StepInstance step) {
        if (step.type != JobPlans.CONFIRM) {
            throw unsupported();
        }
    }

    static SandboxError unsupported() {
        return new SandboxError(1241003, "Unsupported operation");
    }

    private static void resume(JobInstance job) {
        job.status = RUNNING;
        job.endTime = null;
    }

    /** Leaves the current step (it passed or was let go) and starts the next one, or finishes the job. */
    private static void proceed(JobInstance job, long at) {
        if (job.currentStep == job.steps.size() - 1) {
            job.status = SUCCESS;
            job.endTime = at;
        } else {
            start(job, job.currentStep + 1, at);
        }
    }

    private static void start(JobInstance job, int index, long at) {
        job.currentStep = index;
        StepInstance step = current(job);
        step.startTime = at;
        step.endTime = null;
        if (step.type == JobPlans.CONFIRM) {
            step.status = WAITING_USER;
            job.status = WAITING_USER;
        } else {
            step.status = RUNNING;
            job.status = RUNNING;
            StepPlan plan = planOf(job, step);
            step.batch = plan.rolling() ? 1 : 0;
            if (plan.file() == null || plan.file().pullMs() == 0) {
                runBatch(job, step, at);
            }
        }
    }

    /** Starts the hosts of the step's current batch (every host of a step that does not roll). */
    private static void runBatch(JobInstance job, StepInstance step, long at) {
        StepPlan plan = planOf(job, step);
        for (int i = 0; i < step.hosts.size(); i++) {
            if (plan.batchOf(i) == Math.max(1, step.batch)) {
                run(step.hosts.get(i), at);
            }
        }
    }

    private static void run(HostResult h, long at) {
        h.status = HostStatus.RUNNING;
        h.exitCode = 0;
        h.errorCode = 0;
        h.startTime = at;
        h.endTime = null;
    }

    /**
     * Decides each running host's result by the plan; the step fails if any host of the batches run so far failed,
     * is abnormal if an agent is down. A rolling batch that passes and is not the last leaves the step waiting for
     * the next one: bk-job GseStepEventHandler.onSuccess sets ROLLING_WAITING with the batch's end and total time, and
     * JobListener.nextStep, in MANUAL mode, sets the step and the job WAITING_USER.
     */
    private static void complete(JobInstance job, StepInstance step, long end) {
        StepPlan plan = planOf(job, step);
        boolean failed = false;
        boolean abnormal = false;
        for (int i = 0; i < step.hosts.size(); i++) {
            HostResult h = step.hosts.get(i);
            if (h.status == HostStatus.RUNNING) {
                h.endTime = end;
                if (plan.agentDown().contains(h.bkHostId)) {
                    h.status = HostStatus.AGENT_ERROR;
                    h.errorCode = HostStatus.AGENT_ERROR;
                } else if (plan.failFirstRun().contains(h.bkHostId) && step.executeCount == 0) {
                    h.status = HostStatus.SCRIPT_NOT_ZERO_EXIT_CODE;
                    h.exitCode = 1;
                } else {
                    h.status = HostStatus.SUCCESS;
                }
            }
            if (plan.batchOf(i) > Math.max(1, step.batch)) {
                continue; // a later batch has not run: its hosts wait
            }
            abnormal |= h.status == HostStatus.AGENT_ERROR;
            failed |= !HostStatus.ok(h.status);
        }
        step.status = abnormal ? ABNORMAL_STATE : failed ? FAIL : SUCCESS;
        step.endTime = end;
        if (step.status == SUCCESS && plan.rolling() && step.batch < plan.batches()) {
            step.status = WAITING_USER;
            job.status = WAITING_USER;
        }
    }

    private static void stopped(JobInstance job, StepInstance step) {
        long at = step.stopAt;
        step.status = STOP_SUCCESS;
        step.endTime = at;
        step.stopAt = null;
        for (HostResult h : step.hosts) {
            if (h.status == HostStatus.RUNNING) {
                h.status = HostStatus.TERMINATE_SUCCESS;
                h.endTime = at;
            }
        }
        job.status = STOP_SUCCESS;
        job.endTime = at;
    }
}
