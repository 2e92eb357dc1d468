package bkops.cli.task;

import bkops.cli.GlobalUse;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.model.State;
import bkops.model.TaskStatus;
import bkops.render.StatusTreeRenderer;
import bkops.render.Table;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "show",
        header = "Show a task's detail: state, times, creator, executor, constants and outputs.",
        description = "get_task_detail plus the task's current state. -o json prints get_task_detail's data as the "
                + "API gives it (the server caches it for 60 s). The pipeline with node states is 'task status'.",
        footerHeading = "%nExamples:%n",
        footer = {"bkops task show 42", "bkops task show 42 -o json | jq .outputs"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON, OutputFormat.YAML})
public final class TaskShow implements Callable<Result> {
    @ParentCommand
    TaskCommand parent;

    @Parameters(paramLabel = "TASK", description = "Task id.")
    String id;

    @Override
    public Result call() {
        Output out = parent.root.session().output();
        String task = TaskIds.check(id);
        JsonNode d = parent.root.session().sops().taskDetailFresh(task); // not the server's 60 s cached copy
        if (out.format() == OutputFormat.JSON || out.format() == OutputFormat.YAML) {
            return Result.of(d);
        }
        State state = TaskStatus.parse(parent.root.session().sops().taskStatusFresh(task, false)).state();
        return Result.of(d).show((w, f, style) -> view(task, d, state, w, f, style));
    }

    private static void view(String task, JsonNode d, State state, java.io.PrintWriter w, OutputFormat f,
                             bkops.render.Style style) {
        w.println(style.bold("Task " + task + "  " + text(d, "name")));
        Table meta = new Table().headers(false).column("K").column("V");
        meta.row("State", style.stateLabel(state));
        // get_task_detail has no template_source (bk-sops taskflow3/models.py get_task_detail): print what it gives
        meta.row("Template", text(d, "template_id") + (text(d, "template_source").isEmpty() ? ""
                : " (" + text(d, "template_source") + ")"));
        meta.row("Project", text(d, "project_name"));
        meta.row("Created", join(text(d, "creator"), text(d, "create_time"), text(d, "create_method")));
        meta.row("Started", join(text(d, "executor"), text(d, "start_time"), ""));
        meta.row("Finished", text(d, "finish_time"));
        meta.row("Elapsed", StatusTreeRenderer.formatDuration(d.path("elapsed_time").asLong(0)));
        meta.row("URL", text(d, "task_url"));
        meta.print(w);
        w.println();
        w.println(style.bold("Constants"));
        Table c = new Table().wide(f == OutputFormat.WIDE).column("KEY").column("NAME")
                .column("VALUE", Table.Align.LEFT, f == OutputFormat.WIDE ? 0 : 60, false).wideColumn("SOURCE");
        d.path("constants").properties().forEach(e -> c.row(e.getKey(), text(e.getValue(), "name"),
                value(e.getValue().get("value")), text(e.getValue(), "source_type")));
        printOrNone(c, d.path("constants").size(), w);
        w.println();
        w.println(style.bold("Outputs"));
        Table o = new Table().column("KEY").column("NAME").column("VALUE", Table.Align.LEFT, f == OutputFormat.WIDE ? 0 : 60, false);
        d.path("outputs").forEach(x -> o.row(text(x, "key"), text(x, "name"), value(x.get("value"))));
        printOrNone(o, d.path("outputs").size(), w);
        w.flush();
    }

    private static void printOrNone(Table t, int rows, java.io.PrintWriter w) {
        if (rows == 0) {
            w.println("  (none)");
        } else {
            t.print(w);
        }
    }

    private static String value(JsonNode v) {
        return v == null || v.isNull() ? "" : v.isTextual() ? v.asText().replace("\n", "\\n") : v.toString();
    }

    private static String join(String who, String when, String how) {
        String s = who.isEmpty() ? when : when.isEmpty() ? who : who + "  " + when;
        return how.isEmpty() ? s : s + "  (" + how + ")";
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
