package bkops.bench;

import bkops.model.PipelineTree;
import bkops.model.TaskStatus;
import bkops.render.StatusTreeRenderer;
import bkops.render.Style;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Map;

/**
 * Times JsonNode → PipelineTree + TaskStatus → StatusTreeRenderer text on synthetic nested pipelines of about 500,
 * 1,000 and 2,000 nodes (activities, parallel and exclusive gateways, subprocesses two levels deep) and prints the
 * median per size. Run by bench/render-bench.sh; arguments: [rounds] [warmup].
 */
public final class RenderBench {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private int counter;
    private int nodes;
    private String failed;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        System.out.printf("%-8s %-8s %-10s %-10s %-10s%n", "target", "nodes", "median_ms", "min_ms", "max_ms");
        for (int target : new int[] {500, 1000, 2000}) {
            RenderBench gen = new RenderBench();
            ObjectNode status = MAPPER.createObjectNode();
            JsonNode tree = gen.pipeline("r", target, 0, status);
            status.put("id", "r").put("state", "FAILED").put("name", "基准任务 " + target).put("elapsed_time", 3600)
                    .put("start_time", "2026-11-25 10:00:00 +0800").putNull("finish_time");
            status.putObject("ex_data").put(gen.failed, "<p>任务失败</p>\n<pre>Traceback ...</pre>");
            int nodes = PipelineTree.parse(tree).nodeCount();
            for (int i = 0; i < warmup; i++) {
                once(tree, status);
            }
            long[] ms = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                once(tree, status);
                ms[i] = System.nanoTime() - t0;
            }
            Arrays.sort(ms);
            System.out.printf("%-8d %-8d %-10.2f %-10.2f %-10.2f%n", target, nodes, ms[rounds / 2] / 1e6, ms[0] / 1e6,
                    ms[rounds - 1] / 1e6);
        }
    }

    static int once(JsonNode tree, JsonNode status) {
        String out = new StatusTreeRenderer(Style.PLAIN, false)
                .render(null, PipelineTree.parse(tree), TaskStatus.parse(status), Map.of());
        return out.length();
    }

    /**
     * A pipeline of about {@code budget} nodes; fills {@code status} (a status node) with the children it reached.
     * Every node finishes except one activity near the end, which fails; nodes after it are absent (not reached).
     */
    private ObjectNode pipeline(String id, int budget, int depth, ObjectNode status) {
        ObjectNode tree = MAPPER.createObjectNode().put("id", id);
        ObjectNode acts = tree.putObject("activities");
        ObjectNode gws = tree.putObject("gateways");
        ObjectNode flows = tree.putObject("flows");
        tree.putObject("constants");
        tree.putArray("outputs");
        ObjectNode kids = status.putObject("children");
        int base = nodes;
        String start = id + "-s";
        tree.set("start_event", event(start, "EmptyStartEvent"));
        reached(kids, start, "");
        String last = start;
        int block = 0;
        while (nodes - base < budget - 1) {
            int used = nodes - base + 1;
            int kind = block++ % 4;
            if (kind == 1 && budget - used >= 9) {
                String g = node(gws, id, "ParallelGateway", "");
                String c = node(gws, id, "ConvergeGateway", "");
                flow(flows, tree, last, g);
                reached(kids, g, "");
                for (int b = 0; b < 3; b++) {
                    String a1 = activity(acts, id, kids);
                    String a2 = activity(acts, id, kids);
                    flow(flows, tree, g, a1);
                    flow(flows, tree, a1, a2);
                    flow(flows, tree, a2, c);
                }
                reached(kids, c, "");
                last = c;
            } else if (kind == 2 && budget - used >= 5) {
                String g = node(gws, id, "ExclusiveGateway", "");
                String c = node(gws, id, "ConvergeGateway", "");
                flow(flows, tree, last, g);
                reached(kids, g, "");
                String yes = activity(acts, id, kids);
                String no = node(acts, id, "ServiceActivity", "未走分支");
                String fy = flow(flows, tree, g, yes);
                String fn = flow(flows, tree, g, no);
                ObjectNode conds = ((ObjectNode) gws.get(g)).putObject("conditions");
                conds.putObject(fy).put("evaluate", "${x} == 1").put("name", "是").put("tag", "");
                conds.putObject(fn).put("evaluate", "${x} != 1").put("name", "否").put("tag", "");
                flow(flows, tree, yes, c);
                flow(flows, tree, no, c);
                reached(kids, c, "");
                last = c;
            } else if (kind == 3 && depth < 2 && budget - used >= 40) {
                String sub = id + "-p" + (++counter);
                nodes++;
                int size = Math.min(budget / 4, budget - used - 2);
                ObjectNode subStatus = reached(kids, sub, "子流程");
                ObjectNode nested = pipeline(sub, size, depth + 1, subStatus);
                ObjectNode a = acts.putObject(sub).put("id", sub).put("type", "SubProcess").put("name", "子流程")
                        .put("template_id", "7");
                a.set("pipeline", nested);
                a.putArray("incoming");
                a.putArray("outgoing");
                flow(flows, tree, last, sub);
                last = sub;
            } else {
                String a = activity(acts, id, kids);
                flow(flows, tree, last, a);
                last = a;
            }
        }
        String end = id + "-e";
        tree.set("end_event", event(end, "EmptyEndEvent"));
        flow(flows, tree, last, end);
        if (depth == 0) {
            failed = last;
            ((ObjectNode) kids.get(last)).put("state", "FAILED");
        } else {
            reached(kids, end, "");
        }
        return tree;
    }

    private String activity(ObjectNode acts, String id, ObjectNode kids) {
        String a = node(acts, id, "ServiceActivity", "执行脚本 " + counter);
        ((ObjectNode) acts.get(a)).putObject("component").put("code", "job_fast_execute_script").put("version", "1.0")
                .putObject("data").putObject("script").put("hook", false).put("value", "echo hi");
        reached(kids, a, "执行脚本 " + counter);
        return a;
    }

    private String node(ObjectNode into, String id, String type, String name) {
        nodes++;
        String n = id + "-a" + (++counter);
        ObjectNode node = into.putObject(n).put("id", n).put("type", type).put("name", name);
        node.putArray("incoming");
        node.putArray("outgoing");
        return n;
    }

    private ObjectNode event(String id, String type) {
        nodes++;
        return MAPPER.createObjectNode().put("id", id).put("type", type).put("name", "").put("incoming", "")
                .put("outgoing", "");
    }

    private String flow(ObjectNode flows, ObjectNode tree, String from, String to) {
        String f = "l" + (++counter);
        flows.putObject(f).put("id", f).put("source", from).put("target", to).put("is_default", false);
        link(tree, from, "outgoing", f);
        link(tree, to, "incoming", f);
        return f;
    }

    private static void link(ObjectNode tree, String nodeId, String field, String flowId) {
        for (String group : new String[] {"activities", "gateways"}) {
            JsonNode n = tree.get(group).get(nodeId);
            if (n != null) {
                ((ArrayNode) n.get(field)).add(flowId);
                return;
            }
        }
        JsonNode start = tree.get("start_event");
        if (start != null && start.get("id").asText().equals(nodeId)) {
            ((ObjectNode) start).put(field, flowId);
        }
    }

    private static ObjectNode reached(ObjectNode kids, String id, String name) {
        ObjectNode s = kids.putObject(id).put("id", id).put("state", "FINISHED").put("root_id:", "r").put("name", name)
                .put("retry", 0).put("skip", false).put("loop", 1).put("version", "v").put("elapsed_time", 3)
                .put("start_time", "2026-11-25 10:00:00 +0800").put("finish_time", "2026-11-25 10:00:03 +0800");
        s.putObject("children");
        return s;
    }
}
