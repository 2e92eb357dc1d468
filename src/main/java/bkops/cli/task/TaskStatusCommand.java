package bkops.cli.task;

import bkops.ExitCode;
import bkops.cli.BkopsCommand;
import bkops.cli.GlobalUse;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.ops.Bulk;
import bkops.ops.TaskReader;
import bkops.ops.TaskSnapshot;
import bkops.render.StatusTreeRenderer;
import bkops.render.TaskViews;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
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
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON, OutputFormat.JSONL, OutputFormat.YAML, OutputFormat.TREE, OutputFormat.ID})
public final class TaskStatusCommand implements Callable<Result> {
    @ParentCommand
    TaskCommand parent;

    @Parameters(paramLabel = "TASK", arity = "1..*", description = "Task ids; '-' reads ids from stdin.")
    List<String> ids;

    /** What one task gives, and several. */
    private static final OutputFormat[] ONE = {OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON,
            OutputFormat.YAML, OutputFormat.TREE};
    private static final OutputFormat[] MANY = {OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON,
            OutputFormat.JSONL, OutputFormat.YAML, OutputFormat.ID};

    @Override
    public Result call() throws InterruptedException {
        BkopsCommand root = parent.root;
        List<String> tasks = TaskIds.resolve(ids, root.context().in());
        boolean many = tasks.size() > 1 || ids.contains("-");
        // refused before anything is read, as every other -o a command cannot give
        OutputFormat f = root.session().output().format(List.of(many ? MANY : ONE));
        return many ? many(root, tasks) : one(root, tasks.get(0), f);
    }

    private static Result one(BkopsCommand root, String id, OutputFormat f) {
        if (f == OutputFormat.JSON || f == OutputFormat.YAML) {
            return Result.of(root.session().sops().taskStatusFresh(id, false)).only(ONE);
        }
        TaskSnapshot s = new TaskReader(root.session().sops(), root.session().job()).fresh(id, false);
        return Result.view((out, format, style) -> new StatusTreeRenderer(style, format == OutputFormat.WIDE)
                .render(s.name(), s.tree(), s.status(), out)).only(ONE);
    }

    private static Result many(BkopsCommand root, List<String> ids) throws InterruptedException {
        Map<String, JsonNode> found = new TaskReader(root.session().sops(), root.session().job()).rawMany(ids, false, true);
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        ids.stream().filter(found::containsKey).forEach(id -> items.add(found.get(id)));
        List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        List<String> said = new ArrayList<>(missing.stream().map(id -> "bkops: " + id + "  task not found (or deleted)").toList());
        if (!missing.isEmpty() && missing.size() == ids.size()) {
            said.add("bkops: none of the " + ids.size() + " tasks exists");
        }
        // an unknown id is an item that failed with 5: 7 when some are unknown, 5 when all are (Bulk#overall)
        ExitCode exit = Bulk.overall(ids.size(), missing.stream().map(id -> ExitCode.NOT_FOUND).toList());
        // -o wide's URL column: none on the embedded sandbox (Session#consoleLinks)
        ArrayNode shown = root.session().consoleLinks() ? items : JsonNodeFactory.instance.arrayNode();
        if (shown != items) {
            items.forEach(t -> shown.add(((ObjectNode) t.deepCopy()).without("url")));
        }
        return Result.of(items).ids(TaskViews.ids(items)).only(MANY).exit(exit).say(said)
                .show((out, f, style) -> TaskViews.states(shown, f == OutputFormat.WIDE, style, out));
    }
}
