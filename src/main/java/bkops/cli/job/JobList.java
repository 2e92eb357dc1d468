package bkops.cli.job;

import bkops.api.JobApi;
import bkops.cli.BkopsCommand;
import bkops.cli.CliException;
import bkops.cli.GlobalUse;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.config.ConfigException;
import bkops.config.Durations;
import bkops.i18n.Text;
import bkops.model.job.ListedJob;
import bkops.render.JobStatusRenderer;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "list",
        header = "List the business's job instances (Job's execution history), newest first.",
        description = {"get_job_instance_list over a creation-time range, which Job requires and keeps within 30 days: "
                + "by default the last --since (24h) up to now; --created-after and --created-before set either end. "
                + "Pages of at most 1000 are read until --limit instances or the last page.",
                "-o json prints the API's data: the pages merged (start, length, total, data); -o id the ids, "
                        + "for 'job status' and 'job log'."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops job list", "bkops job list --since 72h --operator admin",
                "bkops job list --created-after 2026-11-01T00:00 --created-before 2026-11-08T00:00 --limit 500",
                "bkops job status $(bkops job list --limit 1 -o id)"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON, OutputFormat.YAML, OutputFormat.ID})
public final class JobList implements Callable<Result> {
    /** The widest creation-time range Job searches (bk-job job-execute Consts.MAX_SEARCH_TASK_HISTORY_RANGE_MILLS). */
    static final Duration MAX_RANGE = Duration.ofDays(30);

    @ParentCommand
    JobCommand parent;

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "24h",
            description = "Created in the last DURATION (e.g. 2h, 72h; at most 720h). Default: ${DEFAULT-VALUE}.")
    String since;

    // Strings, read in call(): no option may have a java.time type (Cli excludes picocli's converters for them)
    @Option(names = "--created-after", paramLabel = "TIME",
            description = "Created at or after TIME (create_time_start), e.g. 2026-11-25T10:00 or 2026-11-25T10:00+08:00.")
    String createdAfter;

    @Option(names = "--created-before", paramLabel = "TIME",
            description = "Created at or before TIME (create_time_end). Default: now.")
    String createdBefore;

    @Option(names = "--operator", paramLabel = "USER", description = "Launched by USER (exact).")
    String operator;

    @Option(names = "--name", paramLabel = "TEXT", description = "Name contains TEXT.")
    String name;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N instances. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Mixin
    JobScope scope;

    @Override
    public Result call() {
        BkopsCommand root = parent.root;
        if (limit < 1) {
            throw CliException.usage(Text.of("errors.cli.at-least-1", "--limit", limit));
        }
        Duration back;
        try {
            back = Durations.parse(since);
        } catch (ConfigException e) {
            throw CliException.usage(Text.of("errors.cli.option-value", "--since", CliException.said(e)));
        }
        Instant to = createdBefore != null ? time("--created-before", createdBefore) : Instant.now();
        Instant from = createdAfter != null ? time("--created-after", createdAfter) : to.minus(back);
        // bk-job EsbGetJobInstanceListV3ResourceImpl.checkRequest refuses an empty or reversed range and one over 30 days
        if (!to.isAfter(from)) {
            throw CliException.usage(Text.of("errors.cli.job.list.empty-range", from, to));
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw CliException.usage(Text.of("errors.cli.job.list.30-days"));
        }
        Map<String, Object> filters = new LinkedHashMap<>();
        if (operator != null) {
            filters.put("operator", operator);
        }
        if (name != null) {
            filters.put("name", name);
        }
        Output out = root.session().output();
        JobApi api = scope.api(root.session());
        JsonNode data = api.jobInstanceList(from.toEpochMilli(), to.toEpochMilli(), filters, limit);
        List<ListedJob> jobs = ListedJob.parseList(data);
        Result r = Result.of(data).ids(jobs.stream().map(j -> String.valueOf(j.id())).toList());
        if (out.format() == OutputFormat.TABLE || out.format() == OutputFormat.WIDE) {
            ZoneId zone = ZoneId.systemDefault();
            DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z").withZone(zone);
            r.show((w, f, style) -> new JobStatusRenderer(style, f == OutputFormat.WIDE).list(jobs, zone, w));
            r.note(jobs.isEmpty() ? out.style().text("render.job.list.none", when.format(from), when.format(to))
                    : out.style().text("render.job.list.count", jobs.size(), data.path("total").asText("?"),
                    when.format(from), when.format(to)));
        }
        return r;
    }

    /** An ISO date-time, with an offset or read in the local zone. */
    private static Instant time(String option, String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e2) {
                throw CliException.usage(Text.of("errors.cli.date-time", option, s));
            }
        }
    }
}
