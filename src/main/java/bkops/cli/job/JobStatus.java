package bkops.cli.job;

import bkops.ExitCode;
import bkops.api.JobApi;
import bkops.cli.BkopsCommand;
import bkops.cli.CliException;
import bkops.cli.GlobalUse;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.cli.Waits;
import bkops.i18n.Text;
import bkops.model.job.JobInstance;
import bkops.ops.JobWaiter;
import bkops.render.JobStatusRenderer;
import bkops.render.StatusTreeRenderer;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "status",
        header = "Show a job instance: its state and its steps, the current one marked; --hosts for each host.",
        description = {"Steps with their ids (for 'step operate' and 'job log'), type, state, how many times they ran "
                + "and how long. The API does not name a current step; bkops marks the last step that has started.",
                "--wait polls until the job stops running and exits 0 when it succeeded, 10 when a step failed, "
                        + "12 when a step waits for a person (a confirmation, or the next rolling batch), 124 when "
                        + "--timeout passed first.",
                "-o json prints the API's data as it is."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops job status 20001", "bkops job status 20001 --hosts",
                "bkops job status 20001 --wait --timeout 10m", "bkops job status 20001 -o json --hosts"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON, OutputFormat.YAML})
public final class JobStatus implements Callable<Result>, Waits {
    @ParentCommand
    JobCommand parent;

    @Parameters(paramLabel = "JOB", description = "Job instance id (job_instance_id).")
    long jobId;

    @Option(names = "--hosts", description = "Also the result of every host of every step (ip, status, exit code).")
    boolean hosts;

    @Mixin
    JobWaitOptions waiting;


    @Mixin
    JobScope scope;

    @Override
    public boolean waits() {
        return waiting.waits();
    }

    @Override
    public Result call() throws InterruptedException {
        BkopsCommand root = parent.root;
        Duration deadline = root.waitDeadline();
        Output out = root.session().output();
        JobApi api = scope.api(root.session());
        ExitCode exit = ExitCode.OK;
        if (waiting.waits()) {
            JobWaiter wait = new JobWaiter(api, root.context().sleeper(), deadline, JobWaitOptions.deadlineName(deadline));
            Optional<JobInstance> done = wait.until(jobId, j -> !j.status().inProgress(), j -> JobStatusRenderer.progress(j, out.style()),
                    out::info);
            if (done.isEmpty()) {
                throw new CliException(ExitCode.DEADLINE, Text.of("errors.cli.job.deadline", jobId,
                        StatusTreeRenderer.formatDuration(deadline.toSeconds())));
            }
            exit = JobWaiter.exitCode(done.get().status().outcome());
        }
        JsonNode data = api.jobInstanceStatus(jobId, hosts);
        Result r = Result.of(data).exit(exit);
        if (out.format() == OutputFormat.TABLE || out.format() == OutputFormat.WIDE) {
            JobInstance job = JobInstance.parse(data);
            r.show((w, f, style) -> new JobStatusRenderer(style, f == OutputFormat.WIDE).render(job, hosts, w));
            JobStatusRenderer.hint(job, out.style()).ifPresent(r::note);
        }
        return r;
    }
}
