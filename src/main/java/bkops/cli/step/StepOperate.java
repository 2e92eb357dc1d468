package bkops.cli.step;

import bkops.ExitCode;
import bkops.api.JobApi;
import bkops.cli.BkopsCommand;
import bkops.cli.ChangeRunner;
import bkops.cli.CliException;
import bkops.cli.DryRun;
import bkops.cli.GlobalUse;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.cli.Waits;
import bkops.cli.job.JobScope;
import bkops.cli.job.JobWaitOptions;
import bkops.i18n.Text;
import bkops.model.job.JobInstance;
import bkops.model.job.RunStatus;
import bkops.model.job.StepInstance;
import bkops.model.job.StepOperation;
import bkops.ops.JobWaiter;
import bkops.ops.StepChange;
import bkops.render.JobStatusRenderer;
import bkops.render.JsonOutput;
import bkops.render.StatusTreeRenderer;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "operate",
        header = "Operate a step of a job instance: retry its failed hosts, ignore its error, confirm it...",
        description = {"Operations (name or code) and the step state each needs:",
                "  retry-failed (2)       FAILED, ABNORMAL, TERMINATED: rerun the failed hosts",
                "  retry-all (8)          FAILED, ABNORMAL, TERMINATED: rerun every host",
                "  ignore-error (3)       FAILED or ABNORMAL: let the job go on",
                "  confirm (6)            WAITING_USER (a confirmation step): go on",
                "  terminate-confirm (9)  WAITING_USER (a confirmation step): stop the job",
                "  reconfirm (10)         CONFIRM_TERMINATED: ask for the confirmation again",
                "  next-step (11)         TERMINATED (job terminated): run the next step",
                "  force-skip (12)        TERMINATING (stuck terminating): skip the step",
                "  rolling-continue (13)  WAITING_USER (a script or file step between rolling batches): run the "
                        + "next batch",
                "bkops reads the step's state first and refuses an operation the state does not allow (exit 3); "
                        + "--force sends it anyway. The request is never retried: a retry would run the hosts again.",
                "force-skip and terminate-confirm ask for confirmation on a terminal; otherwise they need --yes.",
                "--wait polls until the step stops running and exits 0 when it passed, 10 when it failed, "
                        + "12 when it waits for a person (a confirmation, or the next rolling batch), 124 when "
                        + "--timeout passed first."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops step operate --job 20001 --step 50001 --op retry-failed --wait",
                "bkops step operate --job 20001 --step 50003 --op confirm",
                "bkops step operate --job 20005 --step 50013 --op rolling-continue --wait",
                "bkops step operate --job 20001 --step 50001 --op 3",
                "bkops step operate --job 20001 --step 50002 --op force-skip --yes"})
@GlobalUse(dryRun = GlobalUse.DryRun.PREVIEW, formats = {OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML})
public final class StepOperate implements Callable<Result>, Waits {
    @ParentCommand
    StepCommand parent;

    @Option(names = "--job", paramLabel = "JOB", required = true, description = "Job instance id.")
    long jobId;

    @Option(names = "--step", paramLabel = "STEP", required = true,
            description = "Step instance id (see 'bkops job status JOB').")
    long stepId;

    @Option(names = "--op", paramLabel = "NAME|CODE", required = true, completionCandidates = OperationNames.class,
            description = "The operation: ${COMPLETION-CANDIDATES}, or its numeric code.")
    StepOperation operation;

    @Option(names = "--force", description = "Send even when the step's state does not allow the operation.")
    boolean force;

    @Mixin
    JobWaitOptions waiting;


    @Mixin
    JobScope scope;

    private Duration deadline;

    @Override
    public boolean waits() {
        return waiting.waits();
    }

    @Override
    public Result call() throws InterruptedException {
        BkopsCommand root = parent.root;
        deadline = root.waitDeadline();
        Output out = root.session().output();
        ChangeRunner runner = new ChangeRunner(root, force);
        runner.format(); // an -o the run cannot give is refused before anything is read
        JobApi api = scope.api(root.session());
        JobInstance before = JobInstance.parse(api.jobInstanceStatus(jobId, false));
        StepInstance step = before.step(stepId).orElseThrow(() -> CliException.notFound(Text.of("errors.cli.step.not-found",
                jobId, stepId)));
        StepChange change = new StepChange(api, jobId, step, operation);
        runner.check(change); // a dry run of a refused operation is refused too
        if (runner.dryRun()) {
            Map<String, Object> params = change.requests().get(0).params();
            out.info(out.style().text("notice.cli.step.dry-run", operation.cliName()));
            return runner.preview(List.of(change), (w, format, style) ->
                    w.println(JsonOutput.pretty(bkops.api.Json.mapper().valueToTree(params))));
        }
        StepChange.Sent sent0 = runner.send(change);
        if (sent0.readBack() != null) {
            StepInstance now = sent0.readBack();
            out.warn(out.style().text("notice.cli.step.read-back", stepId, now.status().name(), now.executeCount()));
        }
        JsonNode data = sent0.data();
        Result sent = Result.of(data)
                .show((w, format, style) -> w.println(JobStatusRenderer.operationSent(operation, stepId, jobId, style)));
        if (!waiting.waits()) {
            return sent;
        }
        // what was sent is on stdout before the wait begins
        out.print(sent);
        return Result.none().exit(await(api, out, operation, step, before.status()));
    }

    /**
     * Waits until the step has moved since the operation and stopped running: a new status or a new end time, seen
     * once. bk-job applies a step operation in an event handler after answering: a retry shows the old FAILED, with
     * its old end time but the new execute_count already (TaskExecuteServiceImpl.retryStepFail adds it at once;
     * GseStepEventHandler.resetExecutionInfoForRetry clears the end time later), so a new run alone proves nothing.
     * rolling-continue ends, unless the batch was the last, in the same WAITING_USER it left; the batch's end time
     * (GseStepEventHandler.onSuccess) is what tells. next-step leaves its step TERMINATED by design, so there the job
     * moving on is the sign, and the step counts as passed.
     */
    private ExitCode await(JobApi api, Output out, StepOperation operation, StepInstance was, RunStatus jobWas)
            throws InterruptedException {
        JobWaiter wait = new JobWaiter(api, parent.root.context().sleeper(), deadline, JobWaitOptions.deadlineName(deadline));
        boolean[] moved = {false};
        Optional<JobInstance> done = wait.until(jobId, j -> {
            StepInstance s = j.step(stepId).orElseThrow();
            moved[0] |= s.status() != was.status() || !java.util.Objects.equals(s.endTime(), was.endTime())
                    || operation == StepOperation.NEXT_STEP && j.status() != jobWas;
            return moved[0] && !s.status().inProgress();
        }, j -> "step " + stepId + ": " + j.step(stepId).orElseThrow().status().name(), out::info);
        if (done.isEmpty()) {
            throw new CliException(ExitCode.DEADLINE, Text.of("errors.cli.step.deadline", stepId,
                    StatusTreeRenderer.formatDuration(deadline.toSeconds())));
        }
        RunStatus end = done.get().step(stepId).orElseThrow().status();
        return JobWaiter.exitCode(operation == StepOperation.NEXT_STEP && end == RunStatus.TERMINATED
                ? RunStatus.Outcome.SUCCESS : end.outcome());
    }

    static final class OperationNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(StepOperation.values()).map(StepOperation::cliName).iterator();
        }
    }
}
