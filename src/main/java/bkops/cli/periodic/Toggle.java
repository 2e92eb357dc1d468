package bkops.cli.periodic;

import bkops.api.Json;
import bkops.api.SopsApi;
import bkops.cli.BkopsCommand;
import bkops.cli.CliException;
import bkops.cli.DryRun;
import bkops.cli.ErrorReporter;
import bkops.ExitCode;
import bkops.cli.InterruptReport;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.task.Interrupts;
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

    static int run(BkopsCommand root, List<String> ids, boolean enabled) {
        Output out = root.session().output();
        Set<OutputFormat> formats = EnumSet.of(OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.JSONL, OutputFormat.ID);
        OutputFormat f = root.global.dryRun ? DryRun.format(out, formats) : out.format(OutputFormat.TABLE, formats);
        ids.forEach(Schedules::checkId);
        String verb = enabled ? "enable" : "disable";
        if (root.global.dryRun) {
            List<ObjectNode> requests = new ArrayList<>();
            ids.forEach(id -> requests.add(DryRun.request("set_periodic_task_enabled", Map.of("task_id", id, "enabled", enabled))));
            if (!DryRun.print(out, f, requests)) {
                ids.forEach(id -> out.out().println("dry run: would " + verb + " periodic task " + id));
            }
            out.out().flush();
            return ExitCode.OK.code();
        }
        ArrayNode results = Json.mapper().createArrayNode();
        List<RuntimeException> failures = new ArrayList<>();
        SopsApi sops = root.session().sops();
        // the Ctrl-C hook is held until the report is printed: the JVM exits once it is released
        try (Interrupts ctrlC = Interrupts.onCtrlC()) {
            try {
                // one after another, as before; Bulk says what was sent when Ctrl-C comes
                collect(Bulk.run(ids, 1, id -> sops.setPeriodicTaskEnabled(id, enabled)), results, failures, out, f, verb);
            } catch (Bulk.Interrupted e) {
                Bulk.Report<String, JsonNode> report = e.report();
                collect(report.answered(), results, failures, out, f, verb);
                if (f == OutputFormat.JSON || f == OutputFormat.JSONL) {
                    out.print(results, f);
                }
                out.out().flush();
                failures.forEach(x -> out.err().println("bkops: " + ErrorReporter.line(x)));
                return InterruptReport.print(out.err(), verb + " of " + ids.size() + " periodic task"
                                + (ids.size() == 1 ? "" : "s"), report.answered().stream().map(Bulk.Item::input).toList(),
                        report.inDoubt(), report.notSent(), "bkops periodic list");
            } catch (InterruptedException e) {
                throw new CliException(ExitCode.INTERRUPTED, "interrupted");
            }
        }
        if (f == OutputFormat.JSON || f == OutputFormat.JSONL) {
            out.print(results, f);
        }
        out.out().flush();
        if (failures.isEmpty()) {
            return ExitCode.OK.code();
        }
        RuntimeException last = failures.remove(failures.size() - 1);
        failures.forEach(e -> out.err().println("bkops: " + ErrorReporter.line(e)));
        if (results.isEmpty()) {
            throw last; // nothing worked: the last failure's own exit code, reported like any single failure
        }
        out.err().println("bkops: " + ErrorReporter.line(last));
        throw new CliException(ExitCode.PARTIAL, verb + "d " + results.size() + " of " + ids.size() + " periodic tasks; "
                + (ids.size() - results.size()) + " failed (above)");
    }

    /** The answered items: a result row (and its table or id line) each, or the failure kept for the end. */
    private static void collect(List<Bulk.Item<String, JsonNode>> answered, ArrayNode results,
                                List<RuntimeException> failures, Output out, OutputFormat f, String verb) {
        for (Bulk.Item<String, JsonNode> item : answered) {
            String id = item.input();
            if (!item.ok()) {
                failures.add(item.error());
                continue;
            }
            ObjectNode row = results.addObject();
            row.put("id", Long.parseLong(id));
            row.set("enabled", item.value().path("enabled"));
            if (f == OutputFormat.TABLE) {
                out.out().println("periodic task " + id + " " + verb + "d");
            } else if (f == OutputFormat.ID) {
                out.out().println(id);
            }
        }
    }
}
