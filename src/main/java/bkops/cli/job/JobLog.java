package bkops.cli.job;

import bkops.api.JobApi;
import bkops.api.Json;
import bkops.cli.BkopsCommand;
import bkops.cli.CliException;
import bkops.cli.GlobalUse;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.i18n.Text;
import bkops.model.job.HostLog;
import bkops.model.job.HostResult;
import bkops.model.job.JobInstance;
import bkops.model.job.StepInstance;
import bkops.model.job.StepType;
import bkops.render.JobLogRenderer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "log",
        header = "Print the log of a step: one host's, or every failed host's.",
        description = {"A script step prints each host's script output; a file step its transfers (upload on the "
                + "source, download on each target) with their state.",
                "Without --host: every host whose result is not success (read in batches of at most 500 hosts); "
                        + "--all for every host. Logs are those of the step's latest run.",
                "-o json prints the API's data (the batches merged; with no log to read, that shape with an empty list); "
                        + "-o jsonl one host log a line."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops job log 20001 50001", "bkops job log 20001 --step 50001 --host 10.0.1.12",
                "bkops job log 20001 --step 50002 --all", "bkops job log 20001 --step 50001 -o jsonl"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.JSONL, OutputFormat.YAML})
public final class JobLog implements Callable<Result> {
    @ParentCommand
    JobCommand parent;

    @Parameters(index = "0", paramLabel = "JOB", description = "Job instance id (job_instance_id).")
    long jobId;

    /** The step as the second word (job log JOB STEP), or as --step: either, not both differing. */
    @Parameters(index = "1", arity = "0..1", paramLabel = "STEP",
            description = "Step instance id (see 'bkops job status JOB'); --step STEP says the same.")
    Long stepArg;

    @Option(names = "--step", paramLabel = "STEP", description = "Step instance id (see 'bkops job status JOB').")
    Long stepOption;

    long stepId;

    @Option(names = "--host", paramLabel = "IP", description = "Only this host's log.")
    String host;

    @Option(names = "--cloud", paramLabel = "ID", defaultValue = "0",
            description = "Cloud area of --host when the step does not list the host, e.g. a file source (default ${DEFAULT-VALUE}).")
    long cloud;

    @Option(names = "--all", description = "Every host of the step, not only the failed ones.")
    boolean all;

    @Mixin
    JobScope scope;

    @Override
    public Result call() {
        BkopsCommand root = parent.root;
        Output out = root.session().output();
        OutputFormat f = out.format();
        if (host != null && all) {
            throw CliException.usage(Text.of("errors.cli.exclusive", "--host", "--all"));
        }
        if (stepArg == null && stepOption == null) {
            throw CliException.usage(Text.of("errors.cli.job.log.no-step"));
        }
        if (stepArg != null && stepOption != null && !stepArg.equals(stepOption)) {
            throw CliException.usage(Text.of("errors.cli.job.log.two-steps", stepArg, stepOption));
        }
        stepId = stepArg != null ? stepArg : stepOption;
        JobApi api = scope.api(root.session());
        JobInstance job = JobInstance.parse(api.jobInstanceStatus(jobId, true));
        StepInstance step = job.step(stepId).orElseThrow(() -> CliException.notFound(Text.of("errors.cli.job.no-step",
                jobId, stepId, job.steps().stream().map(s -> String.valueOf(s.id())).collect(Collectors.joining(", ")))));
        if (step.type() == StepType.CONFIRM) {
            out.info(out.style().text("notice.cli.job.confirm-no-logs", stepId));
            return nothing(f, step);
        }
        JsonNode data;
        List<HostLog> logs = new ArrayList<>();
        if (host != null) {
            HostResult known = step.hosts().stream().filter(h -> h.ip().equals(host)).findFirst().orElse(null);
            data = known != null ? api.hostLog(jobId, stepId, known.bkHostId()) : api.hostLog(jobId, stepId, cloud, host);
            logs.add(HostLog.parse(data));
        } else {
            List<HostResult> chosen = all ? step.hosts() : step.failedHosts();
            if (chosen.isEmpty()) {
                out.info(step.hosts().isEmpty() ? out.style().text("notice.cli.job.no-hosts", stepId)
                        : out.style().text("notice.cli.job.no-failed-host", stepId, step.hosts().size(),
                        step.status().name()));
                return nothing(f, step);
            }
            data = api.batchHostLogs(jobId, stepId, chosen.stream().map(HostResult::bkHostId).toList());
            logs.addAll(HostLog.parseBatch(data));
        }
        return Result.of(f == OutputFormat.JSONL && host == null ? list(data, step) : data)
                .show((w, format, style) -> new JobLogRenderer(style).render(logs, step.hosts(), host == null, w));
    }

    /** The batch answer's host logs (null in bk-job's answer when no host has a log yet). */
    private static JsonNode list(JsonNode data, StepInstance step) {
        JsonNode logs = data.path(step.type() == StepType.FILE ? "file_task_logs" : "script_task_logs");
        return logs.isArray() ? logs : JsonNodeFactory.instance.arrayNode();
    }

    /**
     * Nothing to read: a machine format still prints a document, in the batch answer's shape with no host log
     * ({@code -o jsonl}: no line), so a script's parser and jq filters meet the same keys as ever.
     */
    private Result nothing(OutputFormat f, StepInstance step) {
        if (f == OutputFormat.JSONL) {
            return Result.of(JsonNodeFactory.instance.arrayNode());
        }
        ObjectNode empty = Json.object().put("job_instance_id", jobId).put("step_instance_id", stepId);
        switch (step.type()) {
            case SCRIPT -> empty.put("log_type", 1).set("script_task_logs", JsonNodeFactory.instance.arrayNode());
            case FILE -> empty.put("log_type", 2).set("file_task_logs", JsonNodeFactory.instance.arrayNode());
            default -> { }
        }
        return Result.of(empty);
    }
}
