package bkops.cli.periodic;

import bkops.ExitCode;
import bkops.api.Json;
import bkops.cli.BkopsCommand;
import bkops.cli.ChangeRunner;
import bkops.cli.ErrorReporter;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.ops.Bulk;
import bkops.ops.Change;
import bkops.ops.PeriodicChanges;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** enable / disable of several periodic tasks: each one tried, each failure said, exit 7 when only some failed. */
final class Toggle {
    private Toggle() {}

    static Result run(BkopsCommand root, List<String> ids, boolean enabled) {
        Output out = root.session().output();
        ChangeRunner runner = new ChangeRunner(root, false);
        OutputFormat f = runner.format();
        String verb = enabled ? "enable" : "disable";
        PeriodicChanges periodic = new PeriodicChanges(root.session().sops(), root.context().sleeper());
        List<Change<JsonNode>> changes = ids.stream().map(id -> periodic.enable(id, enabled)).toList();
        if (runner.dryRun()) {
            return runner.preview(changes, (w, format, style) ->
                    ids.forEach(id -> w.println(style.text(enabled ? "notice.cli.periodic.dry-run.enable"
                            : "notice.cli.periodic.dry-run.disable", id))));
        }
        // one after another, as before; the batch says what was sent when Ctrl-C comes
        ChangeRunner.Batch<Change<JsonNode>, JsonNode> batch = runner.sendAll(changes, 1, null);
        ArrayNode results = Json.mapper().createArrayNode();
        List<String> done = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        for (int i = 0; i < batch.answered().size(); i++) {
            Bulk.Item<Change<JsonNode>, JsonNode> item = batch.answered().get(i);
            if (!item.ok()) {
                failures.add(item.error());
                continue;
            }
            String id = ids.get(changes.indexOf(item.input()));
            ObjectNode row = results.addObject();
            row.put("id", Long.parseLong(id));
            row.set("enabled", item.value().path("enabled"));
            done.add(id);
        }
        if (batch.interrupted()) {
            List<String> said = new ArrayList<>();
            failures.forEach(x -> said.add("bkops: " + ErrorReporter.line(x, batch.messages())));
            said.addAll(batch.interruptReport(root.messages().get(ids.size() == 1 ? "notice.cli.periodic.interrupted-what.one"
                    : "notice.cli.periodic.interrupted-what", verb, ids.size()),
                    c -> idOf(ids, changes, c), inDoubt -> "bkops periodic list"));
            return result(results, done, verb, f).exit(ExitCode.INTERRUPTED).say(said);
        }
        if (failures.isEmpty()) {
            return result(results, done, verb, f);
        }
        RuntimeException last = failures.remove(failures.size() - 1);
        List<String> said = new ArrayList<>();
        failures.forEach(e -> said.add("bkops: " + ErrorReporter.line(e, batch.messages())));
        said.add("bkops: " + ErrorReporter.line(last, batch.messages()));
        if (results.isEmpty()) {
            // nothing worked: the last failure's line as any single failure's, the first failure's code (Bulk#overall)
            return result(results, done, verb, f).exit(batch.exit()).say(said);
        }
        said.add(root.messages().get("reporter.line", root.messages().get(enabled ? "notice.cli.periodic.enabled.some"
                : "notice.cli.periodic.disabled.some", results.size(), ids.size(), ids.size() - results.size())));
        return result(results, done, verb, f).exit(batch.exit()).say(said);
    }

    private static String idOf(List<String> ids, List<Change<JsonNode>> changes, Change<JsonNode> c) {
        return ids.get(changes.indexOf(c));
    }

    /** The tasks changed: a line each in a table, their ids, and the rows {id, enabled} in json and jsonl. */
    private static Result result(ArrayNode results, List<String> done, String verb, OutputFormat f) {
        return Result.of(results).ids(done)
                .show((w, format, style) -> done.forEach(id -> w.println(style.text(verb.equals("enable")
                        ? "notice.cli.periodic.toggled.enable" : "notice.cli.periodic.toggled.disable", id))));
    }
}
