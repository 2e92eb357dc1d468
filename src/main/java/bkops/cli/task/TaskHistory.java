package bkops.cli.task;

import bkops.cli.BkopsCommand;
import bkops.cli.CliException;
import bkops.cli.GlobalUse;
import bkops.cli.Ids;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.i18n.Text;
import bkops.model.OperateRecord;
import bkops.model.PipelineTree;
import bkops.model.PipelineTree.Node;
import bkops.ops.node.NodeSelectionException;
import bkops.ops.node.TaskNodes;
import bkops.render.ConsoleViews;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "history",
        header = "Who did what to a task and its nodes, and when (created, started, paused, retried, skipped...).",
        description = {"get_task_operate_record. Only calls that succeeded are recorded, through the API or the web "
                + "console; claims, node callbacks, automatic retries and the starts of clocked and periodic tasks are "
                + "not (bk-sops gcloud/contrib/operate_record). --node keeps one node's records; NODE is its id, or its "
                + "name when unique in the task.",
                "-o json prints the API's data."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops task history 12", "bkops task history 12 --node 部署 -o json"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.JSONL, OutputFormat.YAML})
public final class TaskHistory implements Callable<Result> {
    @ParentCommand
    TaskCommand parent;

    @Parameters(index = "0", paramLabel = "TASK", description = "Task id.")
    Ids.Task taskId;

    @Option(names = "--node", paramLabel = "NODE", description = "Only this node's records.")
    String node;

    @Override
    public Result call() {
        BkopsCommand root = parent.root;
        var sops = root.session().sops();
        String task = taskId.value();
        // node names come from the task's own tree (get_task_detail), nested subprocesses included
        PipelineTree tree = PipelineTree.parse(sops.taskDetail(task).path("pipeline_tree"));
        TaskNodes nodes = new TaskNodes(task, tree, null);
        String nodeId = null;
        if (node != null) {
            try {
                nodeId = nodes.resolve(node).id();
            } catch (NodeSelectionException e) {
                throw e.reason() == NodeSelectionException.Reason.NOT_FOUND
                        ? CliException.notFound(Text.of("errors.ops.node.not-found.see", e.text(), task))
                        : CliException.usage(e.text());
            }
        }
        // bk-sops gcloud/apigw/views/get_task_operate_record.py: the records are filtered by the path's project_id as
        // given (TaskOperateRecord.objects.filter(project_id=...)): the SOPS project's id, whatever --biz and --scope say
        long projectId = sops.projectDetail().path("project_id").asLong();
        JsonNode data = sops.taskOperateRecord(task, projectId, nodeId);
        List<OperateRecord> records = OperateRecord.parseList(data);
        Map<String, String> names = new LinkedHashMap<>();
        for (OperateRecord rec : records) {
            if (rec.onNode()) {
                names.computeIfAbsent(rec.nodeId(), id -> tree.node(id).map(nodes::path).orElse(id));
            }
        }
        Result r = Result.of(data);
        if (records.isEmpty()) {
            return r.note("no records for " + (node == null ? "task " + task : "node " + node + " of task " + task));
        }
        return r.show((out, f, style) -> ConsoleViews.history(records, names, java.time.ZoneId.systemDefault(), style, out));
    }
}
