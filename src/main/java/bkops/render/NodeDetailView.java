package bkops.render;

import bkops.model.PipelineTree.Node;
import bkops.model.State;
import bkops.model.job.JobLink;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.util.List;

/** get_task_node_detail for an operator: where the node is, how it went, what it got and gave, why it failed. */
public final class NodeDetailView {
    private final Style style;

    public NodeDetailView(Style style) {
        this.style = style;
    }

    /** @param path where the node sits: the subprocesses leading to it, then itself ("sub / node") */
    public void render(Node node, String path, JsonNode d, PrintWriter out) {
        Table head = new Table().column("").column("").headers(false);
        head.row(style.text("render.node.label.node"), style.bold(node.label()));
        head.row(style.text("render.node.label.id"), node.id());
        head.row(style.text("render.node.label.path"), path);
        head.row(style.text("render.node.label.kind"), node.rawType() + (node.component() == null ? "" : " · " + node.component().code()));
        head.row(style.text("render.label.state"), style.stateLabel(State.of(d.path("state").asText(null)))
                + (d.path("skip").asBoolean() ? " " + style.text("render.node.skipped") : ""));
        head.row(style.text("render.label.started"), text(d.get("start_time")));
        head.row(style.text("render.label.finished"), text(d.get("finish_time")));
        head.row(style.text("render.label.elapsed"), d.has("elapsed_time") ? seconds(d.path("elapsed_time").asLong()) : "");
        head.row(style.text("render.node.label.retries"), d.path("retry").asText("0"));
        head.row(style.text("render.node.label.version"), text(d.get("version")));
        head.print(out);

        JsonNode inputs = d.path("inputs");
        if (inputs.isObject() && !inputs.isEmpty()) {
            out.println();
            out.println(style.bold(style.text("render.heading.inputs")));
            Table t = new Table().column("").column("").headers(false);
            inputs.properties().forEach(e -> t.row("  " + e.getKey(), value(e.getValue())));
            t.print(out);
        }
        JsonNode outputs = d.path("outputs");
        if (outputs.isArray() && !outputs.isEmpty()) {
            out.println();
            out.println(style.bold(style.text("render.heading.outputs")));
            Table t = new Table().column("").column("").column("").headers(false);
            outputs.forEach(o -> t.row("  " + o.path("key").asText(), name(o), value(o.get("value"))));
            t.print(out);
        }
        String failure = TerminalText.safe(ErrorText.readable(d.get("ex_data")));
        if (!failure.isEmpty()) {
            out.println();
            out.println(style.bold(style.red(style.text("render.node.failure"))));
            failure.lines().forEach(l -> out.println("  " + l));
        }
        List<JobLink> jobs = JobLink.allFromNodeOutputs(outputs);
        if (jobs.size() == 1) {
            out.println();
            out.println(style.text("render.node.job", jobs.get(0).jobInstanceId(), jobs.get(0).statusCommand()));
        } else if (jobs.size() > 1) {
            out.println();
            out.println(style.text("render.node.jobs", jobs.stream().map(j -> String.valueOf(j.jobInstanceId()))
                    .collect(java.util.stream.Collectors.joining(", "))));
        }
        JsonNode histories = d.path("histories");
        if (histories.isArray() && !histories.isEmpty()) {
            out.println();
            out.println(style.bold(style.text("render.node.earlier")));
            Table t = new Table().column("").column("").column("").column("").column("").headers(false);
            int i = 0;
            for (JsonNode h : histories) {
                JsonNode ex = h.get("ex_data");
                String err = ErrorText.firstLine(ex == null || ex.isNull() ? "" : ex.isTextual() ? ex.asText() : ex.toString());
                t.row("  #" + ++i, style.stateLabel(State.of(h.path("state").asText(null))), text(h.get("start_time")),
                        seconds(h.path("elapsed_time").asLong()), err);
            }
            t.print(out);
        }
        out.flush();
    }

    private static String name(JsonNode output) {
        String n = output.path("name").asText("");
        return n.equals(output.path("key").asText()) ? "" : n;
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? "" : v.asText();
    }

    /** Strings as they are (quoted when multi-line, so a table row stays one line); anything else as compact JSON. */
    private static String value(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isTextual() && !v.asText().contains("\n")) {
            return v.asText();
        }
        return JsonOutput.compact(v);
    }

    private static String seconds(long s) {
        return s < 60 ? s + "s" : s / 60 + "m" + String.format("%02ds", s % 60);
    }
}
