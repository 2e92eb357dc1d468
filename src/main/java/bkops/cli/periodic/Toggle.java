package bkops.cli.periodic;

import bkops.api.Json;
import bkops.api.SopsApi;
import bkops.cli.BkopsCommand;
import bkops.cli.CliException;
import bkops.cli.DryRun;
import bkops.cli.ErrorReporter;
import bkops.ExitCode;
import bkops.render.InterruptReport;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.ops.Bulk;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** enable / disable of several periodic tasks: each one tried, each failure said, exit 7 when only some failed. */
final class Toggle {
    private Toggle() {}

    static Result run(BkopsCommand root, List<String> ids, boolean enabled) {
        Output out = root.session().output();
        List<OutputFormat> dry = DryRun.formats(List.of(OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.JSONL,
                OutputFormat.ID));
        OutputFormat f = root.global.dryRun ? out.format(dry) : out.format();
        ids.forEach(Schedules::checkId);
        String verb = enabled ? "enable" : "disable";
        if (root.global.dryRun) {
            List<ObjectNode> requests = new ArrayList<>();
            ids.forEach(id -> requests.add(DryRun.request("set_periodic_task_enabled", Map.of("task_id", id, "enabled", enabled))));
            return DryRun.result(requests, (w, format, style) ->
                    ids.forEach(id -> w.println("dry run: would " + verb + " periodic task " + id)), dry);
        }
        ArrayNode results = Json.mapper().createArrayNode();
        List<String> done = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        SopsApi sops = root.session().sops();
        // the Ctrl-C hook is held until the report is printed: the JVM exits once it is released
        root.ctrlC(); // Ctrl-C is reported, once the result is printed
        try {
            // one after another, as before; Bulk says what was sent when Ctrl-C comes
            collect(Bulk.run(ids, 1, id -> sops.setPeriodicTaskEnabled(id, enabled)), results, done, failures);
        } catch (Bulk.Interrupted e) {
            Bulk.Report<String, JsonNode> report = e.report();
            collect(report.answered(), results, done, failures);
            List<String> said = new ArrayList<>();
            failures.forEach(x -> said.add("bkops: " + ErrorReporter.line(x)));
            said.addAll(InterruptReport.lines(verb + " of " + ids.size() + " periodic task"
                            + (ids.size() == 1 ? "" : "s"), report.answered().stream().map(Bulk.Item::input).toList(),
                    report.inDoubt(), report.notSent(), "bkops periodic list"));
            return result(results, done, verb, f).exit(ExitCode.INTERRUPTED).say(said);
        } catch (InterruptedException e) {
            throw new CliException(ExitCode.INTERRUPTED, "interrupted");
        }
        if (failures.isEmpty()) {
            return result(results, done, verb, f);
        }
        RuntimeException last = failures.remove(failures.size() - 1);
        failures.forEach(e -> out.err().println("bkops: " + ErrorReporter.line(e)));
        if (results.isEmpty()) {
            // nothing worked: the last failure's own exit code, its line as any single failure's
            return result(results, done, verb, f).exit(ExitCode.of(ErrorReporter.exitCode(last)))
                    .say("bkops: " + ErrorReporter.line(last));
        }
        out.err().println("bkops: " + ErrorReporter.line(last));
        return result(results, done, verb, f).exit(ExitCode.PARTIAL).say("bkops: " + verb + "d " + results.size()
                + " of " + ids.size() + " periodic tasks; " + (ids.size() - results.size()) + " failed (above)");
    }

    /** The tasks changed: a line each in a table, their ids, and the rows {id, enabled} in json and jsonl. */
    private static Result result(ArrayNode results, List<String> done, String verb, OutputFormat f) {
        return Result.of(results).ids(done)
                .show((w, format, style) -> done.forEach(id -> w.println("periodic task " + id + " " + verb + "d")));
    }

    /** The answered items: a result row each, or the failure kept for the end. */
    private static void collect(List<Bulk.Item<String, JsonNode>> answered, ArrayNode results, List<String> done,
                                List<RuntimeException> failures) {
        for (Bulk.Item<String, JsonNode> item : answered) {
            String id = item.input();
            if (!item.ok()) {
                failures.add(item.error());
                continue;
            }
            ObjectNode row = results.addObject();
            row.put("id", Long.parseLong(id));
            row.set("enabled", item.value().path("enabled"));
            done.add(id);
        }
    }
}
