package bkops.cli.periodic;

import bkops.api.ApiException;
import bkops.api.Json;
import bkops.cli.BkopsCommand;
import bkops.cli.CliException;
import bkops.cli.ErrorReporter;
import bkops.cli.ExitCode;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** enable / disable of several periodic tasks: each one tried, each failure said, exit 7 when only some failed. */
final class Toggle {
    private Toggle() {}

    static int run(BkopsCommand root, List<String> ids, boolean enabled) {
        Output out = root.session().output();
        OutputFormat f = out.format(OutputFormat.TABLE, OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.JSONL, OutputFormat.ID);
        ids.forEach(Schedules::checkId);
        String verb = enabled ? "enable" : "disable";
        if (root.global.dryRun) {
            ids.forEach(id -> out.out().println("dry run: would " + verb + " periodic task " + id));
            out.out().flush();
            return ExitCode.OK;
        }
        ArrayNode results = Json.mapper().createArrayNode();
        List<ApiException> failures = new ArrayList<>();
        for (String id : ids) {
            try {
                JsonNode r = root.session().sops().setPeriodicTaskEnabled(id, enabled);
                ObjectNode row = results.addObject();
                row.put("id", Long.parseLong(id));
                row.set("enabled", r.path("enabled"));
                if (f == OutputFormat.TABLE) {
                    out.out().println("periodic task " + id + " " + verb + "d");
                } else if (f == OutputFormat.ID) {
                    out.out().println(id);
                }
            } catch (ApiException e) {
                failures.add(e);
            }
        }
        if (f == OutputFormat.JSON || f == OutputFormat.JSONL) {
            out.print(results, f);
        }
        out.out().flush();
        if (failures.isEmpty()) {
            return ExitCode.OK;
        }
        ApiException last = failures.remove(failures.size() - 1);
        failures.forEach(e -> out.err().println("bkops: " + ErrorReporter.describe(e)));
        if (results.isEmpty()) {
            throw last; // nothing worked: the last failure's own exit code, reported like any single failure
        }
        out.err().println("bkops: " + ErrorReporter.describe(last));
        throw new CliException(ExitCode.PARTIAL, verb + "d " + results.size() + " of " + ids.size() + " periodic tasks; "
                + (ids.size() - results.size()) + " failed (above)");
    }
}
