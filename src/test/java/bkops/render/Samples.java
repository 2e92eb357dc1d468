package bkops.render;

import bkops.model.Fixtures;
import bkops.model.PipelineTree;
import bkops.model.TaskStatus;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Hand-written trees and statuses shared by the renderer tests. */
final class Samples {

    private Samples() {
    }

    /**
     * start → 准备环境 → exclusive (生产 / an unnamed expression / default 其他 straight to the converge) → converge →
     * parallel (部署A, 部署B) → converge → conditional parallel (需要通知, ${notify_sms}) → converge → subprocess
     * 回滚子流程 (start → 回滚脚本 → end) → end.
     */
    static PipelineTree kitchenSink() {
        TreeJson nested = new TreeJson("sub1").start("sub1s").activity("sub1a", "回滚脚本", "job_fast_execute_script")
                .end("sub1e").flow("sub1s", "sub1a").flow("sub1a", "sub1e");
        TreeJson t = new TreeJson("root").start("s").end("e")
                .activity("prep", "准备环境", "sleep_timer")
                .gateway("g1", "ExclusiveGateway").activity("approve", "审批", "pause_node")
                .activity("smoke", "冒烟测试 smoke", "job_fast_execute_script").gateway("c1", "ConvergeGateway")
                .gateway("p1", "ParallelGateway").activity("depA", "部署A", "job_push_local_files")
                .activity("depB", "Deploy B 🚀", "job_push_local_files").gateway("c2", "ConvergeGateway")
                .gateway("cp1", "ConditionalParallelGateway").activity("notify", "发送通知", "bk_notify")
                .activity("sms", "短信", "bk_sms").gateway("c3", "ConvergeGateway")
                .subprocess("sub1", "回滚子流程", nested);
        t.flow("s", "prep").flow("prep", "g1")
                .branch("g1", "approve", "生产", "${env} == \"prod\"")
                .branch("g1", "smoke", "", "${env} == \"test\"")
                .defaultBranch("g1", "c1", "其他")
                .flow("approve", "c1").flow("smoke", "c1").converges("g1", "c1")
                .flow("c1", "p1").flow("p1", "depA").flow("p1", "depB").flow("depA", "c2").flow("depB", "c2")
                .converges("p1", "c2")
                .flow("c2", "cp1").branch("cp1", "notify", "需要通知", "${notify}").branch("cp1", "sms", "", "${notify_sms}")
                .flow("notify", "c3").flow("sms", "c3").converges("cp1", "c3")
                .flow("c3", "sub1").flow("sub1", "e");
        return PipelineTree.parse(t.json());
    }

    /** The kitchen sink part-way: 生产 taken, both deployments done, 短信 failed with an HTML error, rest not reached. */
    static TaskStatus kitchenSinkFailed() {
        ObjectNode root = state("root", "FAILED", "上线流程", 75);
        ObjectNode kids = root.putObject("children");
        kids.set("s", state("s", "FINISHED", "", 0));
        kids.set("prep", state("prep", "FINISHED", "准备环境", 5));
        kids.set("g1", state("g1", "FINISHED", "", 0));
        kids.set("approve", state("approve", "FINISHED", "审批", 62).put("retry", 1));
        kids.set("c1", state("c1", "FINISHED", "", 0));
        kids.set("p1", state("p1", "FINISHED", "", 0));
        kids.set("depA", state("depA", "FINISHED", "部署A", 3));
        kids.set("depB", state("depB", "FINISHED", "Deploy B 🚀", 4).put("skip", true));
        kids.set("c2", state("c2", "FINISHED", "", 0));
        kids.set("cp1", state("cp1", "FINISHED", "", 0));
        kids.set("notify", state("notify", "RUNNING", "发送通知", 1));
        kids.set("sms", state("sms", "FAILED", "短信", 0).put("retry", 2));
        root.putObject("ex_data").put("sms",
                "<html><body><h1>502 Bad Gateway</h1>\n<p>nginx/1.18 &amp; upstream</p></body></html>");
        return TaskStatus.parse(root);
    }

    static ObjectNode state(String id, String state, String name, long elapsed) {
        ObjectNode n = Fixtures.MAPPER.createObjectNode().put("id", id).put("state", state).put("root_id:", "root")
                .put("name", name).put("retry", 0).put("skip", false).put("loop", 1).put("version", "v")
                .put("elapsed_time", elapsed).put("start_time", "2026-11-25 10:00:00 +0800");
        n.putNull("finish_time");
        n.putObject("children");
        return n;
    }
}
