package bkops.cli.task;

import bkops.cli.BkopsCommand;
import bkops.cli.CliException;
import bkops.ExitCode;
import bkops.cli.GlobalUse;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.model.State;
import bkops.ops.TaskReader;
import bkops.ops.TaskSnapshot;
import bkops.render.StatusTreeRenderer;
import bkops.render.Table;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "status",
        header = "A task's pipeline as a tree with each node's state; or one line per task for several.",
        description = {"One task: the pipeline from start to end (gateways with their branches, subprocesses nested), "
                + "each node with its state (icon and word), duration, retries and, when failed, the first line of "
                + "its error; nodes not reached are PENDING. -o wide adds node ids (what node commands take); "
                + "-o json prints get_task_status's data as the API gives it.",
                "Several ids (or '-' to read them from stdin): one line per task, read 50 per request "
                        + "(get_tasks_status); -o jsonl one object per task. Unknown ids are reported on stderr "
                        + "(exit 7 when some are unknown, 5 when all are)."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops task status 42", "bkops task status 42 -o wide", "bkops task status 42 -o json | jq .state",
                "bkops task list -o id | bkops task status -"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = true)
public final class TaskStatusCommand implements Callable<Integer> {
    @ParentCommand
    TaskCommand parent;

    @Parameters(paramLabel = "TASK", arity = "1..*", description = "Task ids; '-' reads ids from stdin.")
    List<String> ids;

    @Override
    public Integer call() throws InterruptedException {
        BkopsCommand root = parent.root;
        List<String> tasks = TaskIds.resolve(ids, root.context().in());
        Output out = root.session().output();
        boolean many = tasks.size() > 1 || ids.contains("-");
        OutputFormat f = many
                ? out.format(OutputFormat.TABLE, OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON,
                        OutputFormat.JSONL, OutputFormat.YAML, OutputFormat.ID)
                : out.format(OutputFormat.TABLE, OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.TREE,
                        OutputFormat.JSON, OutputFormat.YAML);
        return many ? many(root, tasks, out, f) : one(root, tasks.get(0), out, f);
    }

    private static int one(BkopsCommand root, String id, Output out, OutputFormat f) {
        if (f == OutputFormat.JSON || f == OutputFormat.YAML) {
            out.print(root.session().sops().taskStatusFresh(id, false), f);
            return ExitCode.OK.code();
        }
        TaskSnapshot s = new TaskReader(root.session().sops()).fresh(id, false);
        new StatusTreeRenderer(out.style(), f == OutputFormat.WIDE).render(s.name(), s.tree(), s.status(), out.out());
        out.out().flush();
        return ExitCode.OK.code();
    }

    private static int many(BkopsCommand root, List<String> ids, Output out, OutputFormat f)
            throws InterruptedException {
        Map<String, JsonNode> found = new TaskReader(root.session().sops()).rawMany(ids, false, true);
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        Table table = new Table().wide(f == OutputFormat.WIDE).column("ID", Table.Align.RIGHT, 0, false)
                .column("NAME", Table.Align.LEFT, 48, false).column("STATE").column("STARTED").column("FINISHED")
                .wideColumn("FLOW").wideColumn("URL");
        for (String id : ids) {
            JsonNode t = found.get(id);
            if (t == null) {
                continue;
            }
            items.add(t);
            table.row(id, t.path("name").asText(""), out.style().stateLabel(State.of(t.path("status").path("state").asText())),
                    text(t, "start_time"), text(t, "finish_time"), text(t, "current_flow"), text(t, "url"));
        }
        switch (f) {
            case JSON, JSONL, YAML -> out.print(items, f);
            case ID -> items.forEach(t -> out.out().println(t.path("id").asText()));
            default -> {
                if (!items.isEmpty()) {
                    table.print(out.out());
                }
            }
        }
        out.out().flush();
        List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        missing.forEach(id -> out.err().println("bkops: " + id + "  task not found (or deleted)"));
        out.err().flush();
        if (!missing.isEmpty() && missing.size() == ids.size()) {
            throw CliException.notFound("none of the " + ids.size() + " tasks exists");
        }
        return missing.isEmpty() ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
