package bkops.render;

import bkops.model.job.HostResult;
import bkops.model.job.JobInstance;
import bkops.model.job.ListedJob;
import bkops.model.job.RunStatus;
import bkops.model.job.StepInstance;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.time.format.DateTimeFormatter;

/**
 * A job at a glance: one header line, its steps (the current one marked with '>'), and with hosts the result of each
 * host of each step that has started. Durations are the server's (total_time, or end minus start); a step still
 * running shows '-', since the client's clock is not the server's, and a rolling step running its next batch still
 * carries the end and total time of the batch before (bk-job StepInstanceDAOImpl.updateStepExecutionInfo leaves null
 * fields as they were).
 */
public final class JobStatusRenderer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Style style;
    private final boolean wide;

    public JobStatusRenderer(Style style, boolean wide) {
        this.style = style;
        this.wide = wide;
    }

    /** A wait's progress line: the job's state and the step it is at. */
    public static String progress(JobInstance job, Style style) {
        return job.currentStep().map(s -> style.text("render.job.progress.at", job.id(), job.status().name(), s.id(),
                        s.name(), s.status().name()))
                .orElseGet(() -> style.text("render.job.progress", job.id(), job.status().name()));
    }

    /** What an operator can do next with the step the job stopped at. */
    public static java.util.Optional<String> hint(JobInstance job, Style style) {
        java.util.Optional<StepInstance> step = job.currentStep().filter(s -> !s.status().inProgress());
        return step.map(s -> java.util.Arrays.stream(bkops.model.job.StepOperation.values())
                        .filter(op -> op.allows(s.status()) && op.fitsType(s.type()))
                        .map(bkops.model.job.StepOperation::cliName).collect(java.util.stream.Collectors.joining("|")))
                .filter(ops -> !ops.isEmpty())
                .map(ops -> style.text("render.job.next", "bkops step operate --job " + job.id() + " --step "
                        + step.get().id() + " --op " + ops));
    }

    /** An operation sent to a step: "retry-failed sent: step S of job J (rerun the failed hosts)". */
    public static String operationSent(bkops.model.job.StepOperation operation, long stepId, long jobId, Style style) {
        // the operation's meaning is model's (StepOperation), English for now
        return style.text("render.job.sent", operation.cliName(), stepId, jobId, operation.meaning());
    }

    public void render(JobInstance job, boolean hosts, PrintWriter out) {
        StringBuilder head = new StringBuilder("job ").append(job.id()).append("  ").append(job.name())
                .append("   ").append(state(job.status()));
        String d = duration(job.totalTime(), job.startTime(), job.endTime());
        if (!d.equals("-")) {
            head.append("   ").append(d);
        }
        head.append("   (").append(job.scopeType().replace('_', ' ')).append(' ').append(job.scopeId()).append(')');
        out.println(TerminalText.cell(head.toString()));
        out.println();
        long current = job.currentStep().map(StepInstance::id).orElse(-1L);
        Table t = new Table().column("").column(style.text("render.column.step")).column(style.text("render.column.name"))
                .column(style.text("render.column.type")).column(style.text("render.column.state"))
                .column(style.text("render.column.runs"), Table.Align.RIGHT, 0, false)
                .column(style.text("render.column.duration"), Table.Align.RIGHT, 0, false)
                .wideColumn(style.text("render.column.started-utc")).wide(wide);
        for (StepInstance s : job.steps()) {
            t.row(s.id() == current ? ">" : "", String.valueOf(s.id()), s.name(), s.type().word(), state(s.status()),
                    String.valueOf(s.runs()),
                    s.status().inProgress() ? "-" : duration(s.totalTime(), s.startTime(), s.endTime()),
                    s.startTime() == null ? "" : TIME.format(Instant.ofEpochMilli(s.startTime())));
        }
        t.print(out);
        if (hosts) {
            for (StepInstance s : job.steps()) {
                if (s.hosts().isEmpty() || s.status() == RunStatus.PENDING) {
                    continue; // nothing to say about hosts that have not run yet
                }
                out.println();
                out.println(style.text("render.job.hosts", s.id(), TerminalText.line(s.name())));
                Table h = new Table().column("  IP").column(style.text("render.column.host-id"), Table.Align.RIGHT, 0, false)
                        .column(style.text("render.column.cloud"), Table.Align.RIGHT, 0, false)
                        .column(style.text("render.column.status"))
                        .column(style.text("render.column.exit"), Table.Align.RIGHT, 0, false);
                for (HostResult r : s.hosts()) {
                    String word = r.failed() ? style.red(r.statusWord()) : r.statusWord();
                    h.row("  " + r.ip(), String.valueOf(r.bkHostId()), String.valueOf(r.bkCloudId()), word,
                            String.valueOf(r.exitCode()));
                }
                h.print(out);
            }
        }
        out.flush();
    }

    /**
     * get_job_instance_list's instances, newest first as the server orders them: times (epoch ms) shown in {@code zone}
     * as the SOPS APIs write theirs ("YYYY-MM-DD HH:MM:SS +ZZZZ"), empty until reached. Nothing at all for none.
     */
    public void list(List<ListedJob> jobs, ZoneId zone, PrintWriter out) {
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z").withZone(zone);
        Table t = new Table().fit(style.width()).wide(wide)
                .column(style.text("render.column.id"), Table.Align.RIGHT, 0, false)
                .freeColumn(style.text("render.column.name")).column(style.text("render.column.status"))
                .column(style.text("render.column.operator")).column(style.text("render.column.started"))
                .column(style.text("render.column.finished"))
                .column(style.text("render.column.duration"), Table.Align.RIGHT, 0, true)
                .wideColumn(style.text("render.column.created"));
        for (ListedJob j : jobs) {
            t.row(String.valueOf(j.id()), j.name(), state(j.status()), j.operator(),
                    j.startTime() == null ? "" : local.format(Instant.ofEpochMilli(j.startTime())),
                    j.endTime() == null ? "" : local.format(Instant.ofEpochMilli(j.endTime())),
                    duration(j.totalTime(), j.startTime(), j.endTime()),
                    j.createTime() == null ? "" : local.format(Instant.ofEpochMilli(j.createTime())));
        }
        if (!jobs.isEmpty()) {
            t.print(out);
        }
        out.flush();
    }

    private String state(RunStatus s) {
        String word = s == RunStatus.UNKNOWN ? "UNKNOWN" : s.name();
        return switch (s.outcome()) {
            case SUCCESS -> style.green(word);
            case FAILED -> style.red(word);
            case WAITING -> style.yellow(word);
            case IN_PROGRESS -> s == RunStatus.PENDING ? style.grey(word) : style.yellow(word);
        };
    }

    private static String duration(Long total, Long start, Long end) {
        if (total != null) {
            return StatusTreeRenderer.formatDuration(total / 1000);
        }
        if (start != null && end != null) {
            return StatusTreeRenderer.formatDuration((end - start) / 1000);
        }
        return "-";
    }
}
