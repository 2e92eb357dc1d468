package bkops.cli.task;

import bkops.cli.CliException;
import bkops.cli.GlobalUse;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.render.Table;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "count",
        header = "Count the business's tasks by status, category, flow type or creation method.",
        description = {"query_task_count. The real API gateway does not publish this API (only ESB and the backend "
                + "do), so it needs --gateway esb; through the gateway bkops says so and exits 2 rather than guess a "
                + "count from paging through every task.",
                "-o json prints the API's data ({total, groups[{code, name, value}]})."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops --gateway esb task count --group-by status", "bkops --gateway esb task count --group-by category -o json"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = true)
public final class TaskCount implements Callable<Integer> {
    private static final List<String> GROUPS = List.of("status", "category", "flow_type", "create_method");

    @ParentCommand
    TaskCommand parent;

    @Option(names = "--group-by", required = true, paramLabel = "FIELD", completionCandidates = Groups.class,
            description = "status, category, flow_type or create_method.")
    String groupBy;

    @Override
    public Integer call() {
        if (!GROUPS.contains(groupBy)) {
            throw CliException.usage("--group-by must be one of " + String.join(", ", GROUPS) + ", got '" + groupBy + "'");
        }
        Output out = parent.root.session().output();
        OutputFormat f = out.format(OutputFormat.TABLE, OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML);
        JsonNode data = parent.root.session().sops().taskCount(groupBy, Map.of());
        if (f != OutputFormat.TABLE) {
            out.print(data, f);
            return 0;
        }
        Table t = new Table().column(groupBy.toUpperCase(java.util.Locale.ROOT)).column("NAME")
                .column("TASKS", Table.Align.RIGHT, 0, false);
        data.path("groups").forEach(g -> t.row(g.path("code").asText(), g.path("name").asText(), g.path("value").asText()));
        t.row("", "total", data.path("total").asText());
        t.print(out.out());
        return 0;
    }

    static final class Groups implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return GROUPS.iterator();
        }
    }
}
