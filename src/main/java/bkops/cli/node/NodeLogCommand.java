package bkops.cli.node;

import bkops.cli.BkopsCommand;
import bkops.cli.CliException;
import bkops.cli.GlobalUse;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.i18n.Text;
import bkops.model.NodeLog;
import bkops.model.PipelineTree.Node;
import bkops.ops.node.NodeJobs;
import bkops.ops.node.TaskNodes;
import bkops.render.NodeLogView;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "log",
        header = "Print a node's execution log (its current run, or an earlier one with --version).",
        description = {"get_task_node_log, a private resource of the API gateway: the gateway's administrator must "
                + "grant it to the app (without the grant bkops says so and exits 4); not on ESB.",
                "The log is the node's plugin log as the engine stored it (lines '[time][LEVEL] message'); a node that "
                        + "has not run has none. For a node that ran Job instances (job_execute_task and the other Job "
                        + "plugins), the commands that print each Job step's log follow on stderr.",
                "Control characters in the log are shown escaped (\\x1b); -o json prints the API's data, the log "
                        + "exactly, as one JSON string."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops node log 12 '调用接口 flaky http call'", "bkops node log 12 n1a2b3c4 --version 6f1e0c2d",
                "bkops node log 12 部署 -o json | jq -r ."})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML})
public final class NodeLogCommand implements Callable<Result> {
    @ParentCommand
    NodeCommand parent;

    @Parameters(index = "0", paramLabel = "TASK", description = "Task id.")
    bkops.cli.Ids.Task taskId;

    @Parameters(index = "1", paramLabel = "NODE", description = "Node id, or its name when unique in the task.")
    String node;

    @Option(names = "--version", paramLabel = "V",
            description = "The run of this version (the Version 'bkops node show' prints; its -o json lists the earlier "
                    + "runs' under histories); default the current run.")
    String version;

    @Option(names = "--attempt", paramLabel = "N",
            description = "The N-th run of the node, 1 the first ('bkops node show' numbers its earlier tries the same way).")
    Integer attempt;

    @Option(names = "--page", paramLabel = "N",
            description = "Page N of the log, where the server's log source is paged (BK-PaaS 3 log search); the "
                    + "default source (the database) has no pages and gives the whole log.")
    Integer page;

    /** The root's inherited -h/-V pair is dropped here because --version is taken by the run's version; keep -h. */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Result call() {
        BkopsCommand root = parent.root;
        if (page != null && page < 1) {
            throw CliException.usage(Text.of("errors.cli.at-least-1", "--page", page));
        }
        String task = taskId.value();
        var sops = root.session().sops();
        if (attempt != null && (attempt < 1 || version != null)) {
            throw CliException.usage(version != null ? Text.of("errors.cli.exclusive", "--attempt", "--version")
                    : Text.of("errors.cli.at-least-1", "--attempt", attempt));
        }
        TaskNodes nodes = TaskNodes.load(sops, task);
        Node n = NodeCommand.resolve(nodes, node, root.session().output());
        String version = attempt == null ? this.version : version(sops, nodes, n);
        JsonNode body = sops.taskNodeLog(task, n.id(), version, page, null);
        NodeLog log = NodeLog.parse(body);
        Result r = Result.of(body.path("data")).show((out, f, style) -> NodeLogView.print(log, out));
        if (log.empty()) {
            r.note(NodeLogView.empty(nodes.path(n), version, root.session().output().style()));
        }
        if (page != null && log.page().isEmpty()) {
            // bk-sops gcloud/taskflow3/domains/node_log.py: the DATABASE source answers page_info {} and the whole log
            r.note("the server's log source has no pages: --page " + page + " was ignored, this is the whole log");
        }
        if (root.session().output().format() == OutputFormat.TABLE) {
            // only where the notes are shown: machine formats make no Job requests
            NodeJobs jobs = NodeJobs.read(sops, root.session().job(), nodes, n);
            NodeLogView.jobHints(jobs.ids(), jobs.instances(), root.session().output().style()).forEach(r::note);
        }
        return r;
    }

    /**
     * The version of the --attempt'th run: the earlier runs are get_task_node_detail's histories, oldest first
     * (bamboo-pipeline eri/imp/execution_history.py get_histories, in id order), then the current one.
     */
    private String version(bkops.api.SopsApi sops, TaskNodes nodes, Node n) {
        JsonNode d = sops.nodeDetail(nodes.taskId(), n.id(), nodes.tree().subprocessStack(n.id()),
                n.component() == null ? null : n.component().code());
        java.util.List<String> runs = new java.util.ArrayList<>();
        d.path("histories").forEach(h -> runs.add(h.path("version").asText("")));
        String current = d.path("version").asText("");
        if (!current.isEmpty()) {
            runs.add(current);
        }
        if (attempt > runs.size()) {
            throw CliException.notFound(Text.of(runs.size() == 1 ? "errors.cli.node.attempt.once" : "errors.cli.node.attempt",
                    nodes.path(n), runs.size(), attempt));
        }
        return runs.get(attempt - 1);
    }
}
