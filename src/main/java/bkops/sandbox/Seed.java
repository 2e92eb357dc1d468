package bkops.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seeded world: business 2 "蓝鲸" (project 1) and its templates. Simulated components behave as follows (see Engine):
 * <ul>
 *   <li>1 线性发布 linear-deploy: three nodes in a row.</li>
 *   <li>2 flaky-retry 失败后重试: an HTTP node whose URL contains "flaky" fails on its first run, succeeds on retry.</li>
 *   <li>3 fix-input 修正输入: a script node fails while its script contains "exit 1" (constant ${script}); retry with
 *       inputs {"job_content": "echo ok"} or create with constants {"${script}": "echo ok"} to pass.</li>
 *   <li>4 人工确认 pause-approval: a {@code pause_node} waits for a callback, then one more node.</li>
 *   <li>5 环境分支 exclusive-by-env: an exclusive gateway on ${env} ("prod" or "test") then a converge gateway.</li>
 *   <li>6 no-branch 无匹配分支: the same gateway with ${env}="staging": no branch matches, the gateway FAILS (skip_exg).</li>
 *   <li>7 并行部署 parallel-converge: three parallel branches joined by a converge gateway.</li>
 *   <li>8 conditional-parallel 条件并行: branches run when ${run_a}/${run_b}/${run_c} == "yes".</li>
 *   <li>9 子流程 with-subprocess: a node, a SubProcess of template 1, a node.</li>
 *   <li>10 作业执行 job-execute: a {@code job_execute_task} node running Job plan ${job_plan_id} (default 1001).</li>
 *   <li>11 大型流程 large-nested: 10 parallel SubProcesses of template 12 plus 40 nodes of its own (2,000+ nodes).</li>
 *   <li>12 large-child 大型子流程: 200 short nodes in a row.</li>
 *   <li>13 start-event-fails 开始节点失败: a pre-rendered CMDB constant (${hosts}, set_module_ip_selector) fails to
 *       hydrate the first time, so the start event FAILS; retry it (or skip it) and the flow runs.</li>
 *   <li>14 subprocess-node-fails 子流程节点失败: a SubProcess of template 15 whose passed CMDB constant fails to hydrate
 *       the first time: the SubProcess node itself FAILS with no children (retry_subprocess).</li>
 *   <li>15 hosts-child 集群主机: one node, the child of template 14, with a show-type CMDB constant ${hosts}.</li>
 *   <li>16 审批发布 approval: a {@code bk_approve} node waiting for {"approve_result": true|false}, then one more node.</li>
 *   <li>17 旧版模板 legacy-tree: activities without retryable/skippable (older templates); its legacy script node has
 *       job_content null, so the plugin raises and the node's error is a Python traceback; retry with job_content.</li>
 *   <li>21 自动重试 auto-retry: the flaky HTTP node of template 2 with auto_retry on (interval 5 s, 2 times): it
 *       fails, the server retries it by itself 5 s later, and it succeeds.</li>
 *   <li>101 通用-健康检查 common-health-check and 102 common-restart 通用重启 (template_source=common).</li>
 *   <li>30 滚动发布 rolling-release: a {@code job_fast_execute_script} v2.0 node with rolling execution on (one host a
 *       batch, manual mode): its Job instance waits between batches for rolling-continue (Job fast job 1005).</li>
 *   <li>31 快速分发 fast-push-file: a {@code job_fast_push_file} v3.0 node from a third-party file source: it outputs
 *       job_instance_id_list and its Job instance pulls the file first (Job fast job 1006).</li>
 *   <li>40 方案发布 scheme-release (issue 15): optional nodes and execution schemes. backup → deploy (not optional) →
 *       parallel [canary check, smoke test] → notify; schemes 1 完整 full, 2 快速 quick (deploy only: the parallel gateway
 *       goes and ${backup_dir}, ${canary_hosts}, ${notify_group} are no longer referred), 3 灰度 canary.</li>
 * </ul>
 * Durations: {@code sleep_timer} waits {@code bk_timing} seconds; other components take a few seconds (see Engine).
 */
final class Seed {
    static final String BIZ_NAME = "蓝鲸";
    static final String CREATOR = "admin";
    static final String CREATE_TIME = "2026-01-05 10:00:00 +0800";
    private static volatile Map<Long, Template> templates;

    private Seed() {}

    /** All templates by id (built once; the large one is a few megabytes of maps). */
    static Map<Long, Template> templates() {
        Map<Long, Template> t = templates;
        if (t == null) {
            synchronized (Seed.class) {
                if (templates == null) templates = build();
                t = templates;
            }
        }
        return t;
    }

    private static Map<Long, Template> build() {
        Map<Long, Template> m = new LinkedHashMap<>();
        put(m, linear());
        put(m, flaky());
        put(m, fixInput());
        put(m, pause());
        put(m, exclusive(5, "环境分支 exclusive-by-env", "prod"));
        put(m, exclusive(6, "no-branch 无匹配分支", "staging"));
        put(m, parallel());
        put(m, conditionalParallel());
        put(m, withSubprocess());
        put(m, job());
        put(m, large());
        put(m, largeChild());
        put(m, startEventFails());
        put(m, subprocessNodeFails());
        put(m, hostsChild());
        put(m, approval());
        put(m, legacyTree());
        put(m, autoRetry());
        put(m, common(101, "通用-健康检查 common-health-check", "健康检查 health check"));
        put(m, common(102, "common-restart 通用重启", "重启服务 restart service"));
        // Job fidelity (issue 12): fast Job plugins
        put(m, rollingRelease());
        put(m, fastPushFile());
        // issue 15: the operator's console
        put(m, schemeRelease());
        return m;
    }

    private static void put(Map<Long, Template> m, Template t) {
        m.put(t.id(), t);
    }

    private static Map<String, Object> sleep(int seconds) {
        return Json.obj("bk_timing", String.valueOf(seconds), "force_check", true);
    }

    private static Template linear() {
        TreeBuilder b = new TreeBuilder("tpl-1");
        String a = b.activity("准备 prepare", "sleep_timer", sleep(5));
        String c = b.activity("部署 deploy", "sleep_timer", sleep(10));
        String d = b.activity("验证 verify", "bk_display", Json.obj("bk_display_message", "deployed ${version}"));
        b.constant("${version}", "版本 version", "1.0.0", "show");
        b.chain(b.start, a, c, d, b.end);
        b.incomingAsString(b.end);
        List<Template.Scheme> schemes = List.of(new Template.Scheme(1, "全部 all", List.of(a, c, d)),
                new Template.Scheme(2, "只部署 deploy only", List.of(c)));
        return new Template(1, "线性发布 linear-deploy", "project", "Deploy", "A linear flow of three nodes", b.build(), schemes);
    }

    private static Template flaky() {
        TreeBuilder b = new TreeBuilder("tpl-2");
        String a = b.activity("调用接口 flaky http call", "bk_http_request",
                Json.obj("bk_http_request_method", "GET", "bk_http_request_url", "http://flaky.example.com/health", "bk_http_request_body", ""));
        String c = b.activity("记录 record", "bk_display", Json.obj("bk_display_message", "ok"));
        b.chain(b.start, a, c, b.end);
        return new Template(2, "flaky-retry 失败后重试", "project", "Other", "A node that fails on its first run", b.build(), List.of());
    }

    private static Template fixInput() {
        TreeBuilder b = new TreeBuilder("tpl-3");
        String a = b.activity("执行脚本 run script", "job_fast_execute_script",
                Json.obj("job_script_type", "1", "job_content", "${script}", "job_ip_list", "127.0.0.1", "job_account", "root"));
        b.constant("${script}", "脚本 script", "echo start\nexit 1", "show");
        b.chain(b.start, a, b.end);
        return new Template(3, "fix-input 修正输入", "project", "OpsTools", "A script node that fails until its input is fixed", b.build(), List.of());
    }

    private static Template pause() {
        TreeBuilder b = new TreeBuilder("tpl-4");
        String p = b.activity("人工确认 approve", "pause_node", Json.obj("description", "approve the release"));
        String a = b.activity("发布 release", "sleep_timer", sleep(3));
        b.chain(b.start, p, a, b.end);
        return new Template(4, "人工确认 pause-approval", "project", "Deploy", "A pause node waiting for a callback", b.build(), List.of());
    }

    private static Template exclusive(long id, String name, String env) {
        TreeBuilder b = new TreeBuilder("tpl-" + id);
        b.constant("${env}", "环境 env", env, "show");
        String g = b.gateway("ExclusiveGateway", "按环境 by env");
        String prod = b.activity("生产部署 deploy prod", "sleep_timer", sleep(4));
        String test = b.activity("测试部署 deploy test", "sleep_timer", sleep(2));
        String cg = b.gateway("ConvergeGateway", "汇聚 converge");
        b.converge(g, cg);
        b.flow(b.start, g);
        b.condition(g, b.flow(g, prod), "${env} == \"prod\"", "prod");
        b.condition(g, b.flow(g, test), "${env} == \"test\"", "test");
        b.flow(prod, cg);
        b.flow(test, cg);
        b.flow(cg, b.end);
        b.incomingAsString(g);
        return new Template(id, name, "project", "Deploy", "An exclusive gateway choosing a branch from ${env}", b.build(), List.of());
    }

    private static Template parallel() {
        TreeBuilder b = new TreeBuilder("tpl-7");
        String g = b.gateway("ParallelGateway", "并行 fork");
        String cg = b.gateway("ConvergeGateway", "汇聚 join");
        b.converge(g, cg);
        b.flow(b.start, g);
        int i = 0;
        for (String region : List.of("华南 south", "华东 east", "华北 north")) {
            String a = b.activity("部署 " + region, "sleep_timer", sleep(3 + 2 * i++));
            b.flow(g, a);
            b.flow(a, cg);
        }
        b.flow(cg, b.end);
        return new Template(7, "并行部署 parallel-converge", "project", "Deploy", "Parallel branches with a converge gateway", b.build(), List.of());
    }

    private static Template conditionalParallel() {
        TreeBuilder b = new TreeBuilder("tpl-8");
        String g = b.gateway("ConditionalParallelGateway", "条件并行 conditional fork");
        String cg = b.gateway("ConvergeGateway", "汇聚 join");
        b.converge(g, cg);
        b.flow(b.start, g);
        for (String x : List.of("a", "b", "c")) {
            b.constant("${run_" + x + "}", "run " + x, x.equals("c") ? "no" : "yes", "show");
            String a = b.activity("任务 task " + x, "sleep_timer", sleep(2));
            b.condition(g, b.flow(g, a), "${run_" + x + "} == \"yes\"", "run " + x);
            b.flow(a, cg);
        }
        b.flow(cg, b.end);
        return new Template(8, "conditional-parallel 条件并行", "project", "Other", "A conditional parallel gateway", b.build(), List.of());
    }

    private static Template withSubprocess() {
        TreeBuilder b = new TreeBuilder("tpl-9");
        String a = b.activity("检查 pre-check", "sleep_timer", sleep(2));
        String s = b.subprocess("子流程 linear deploy", 1, "project");
        String c = b.activity("通知 notify", "bk_display", Json.obj("bk_display_message", "done"));
        b.chain(b.start, a, s, c, b.end);
        return new Template(9, "子流程 with-subprocess", "project", "Deploy", "A flow calling template 1 as a subprocess", b.build(), List.of());
    }

    private static Template job() {
        TreeBuilder b = new TreeBuilder("tpl-10");
        b.constant("${job_plan_id}", "作业方案 job plan", "1001", "show");
        String a = b.activity("执行作业 run job plan", "job_execute_task",
                Json.obj("job_plan_id", "${job_plan_id}", "biz_cc_id", String.valueOf(SandboxCredentials.BIZ_ID)));
        b.chain(b.start, a, b.end);
        return new Template(10, "作业执行 job-execute", "project", "OpsTools", "A node that runs a Job plan", b.build(), List.of());
    }

    private static Template large() {
        TreeBuilder b = new TreeBuilder("tpl-11");
        String g = b.gateway("ParallelGateway", "分批 fan out");
        String cg = b.gateway("ConvergeGateway", "汇总 fan in");
        b.converge(g, cg);
        String prev = b.start;
        for (int i = 0; i < 20; i++) {
            String a = b.activity("准备 prepare " + i, "bk_display", Json.obj("bk_display_message", "step " + i));
            b.flow(prev, a);
            prev = a;
        }
        b.flow(prev, g);
        for (int i = 0; i < 10; i++) {
            String s = b.subprocess("批次 batch " + i, 12, "project");
            b.flow(g, s);
            b.flow(s, cg);
        }
        prev = cg;
        for (int i = 0; i < 20; i++) {
            String a = b.activity("收尾 finish " + i, "bk_display", Json.obj("bk_display_message", "step " + i));
            b.flow(prev, a);
            prev = a;
        }
        b.flow(prev, b.end);
        return new Template(11, "大型流程 large-nested", "project", "Other", "2,000+ nodes in nested subprocesses", b.build(), List.of());
    }

    private static Template largeChild() {
        TreeBuilder b = new TreeBuilder("tpl-12");
        List<String> nodes = new ArrayList<>();
        nodes.add(b.start);
        for (int i = 0; i < 200; i++) nodes.add(b.activity("步骤 step " + i, "bk_display", Json.obj("bk_display_message", "step " + i)));
        nodes.add(b.end);
        b.chain(nodes.toArray(String[]::new));
        return new Template(12, "large-child 大型子流程", "project", "Other", "200 short nodes in a row", b.build(), List.of());
    }

    /** The value of a set_module_ip_selector constant: hosts of module nginx in set 蓝鲸. */
    private static Map<String, Object> cmdbHosts() {
        return Json.obj("var_ip_method", "select", "var_ip_custom_value", "",
                "var_ip_select_value", Json.obj("var_set", List.of("蓝鲸"), "var_module", List.of("nginx"), "var_module_name", ""),
                "var_filter_set", "", "var_filter_module", "");
    }

    private static Template startEventFails() {
        TreeBuilder b = new TreeBuilder("tpl-13");
        b.constant("${hosts}", "目标主机 hosts", cmdbHosts(), "show");
        b.constantField("${hosts}", "custom_type", Engine.CMDB_VARIABLE);
        b.constantField("${hosts}", "pre_render_mako", true);
        String a = b.activity("部署 deploy", "sleep_timer", sleep(3));
        b.chain(b.start, a, b.end);
        return new Template(13, "start-event-fails 开始节点失败", "project", "Deploy",
                "A pre-rendered CMDB constant fails to hydrate once: the start event fails", b.build(), List.of());
    }

    private static Template subprocessNodeFails() {
        TreeBuilder b = new TreeBuilder("tpl-14");
        String a = b.activity("准备 prepare", "sleep_timer", sleep(2));
        String sub = b.subprocess("子流程 hosts subprocess", 15, "project");
        b.passConstant(sub, "${hosts}", "目标主机 hosts", cmdbHosts(), Engine.CMDB_VARIABLE);
        String c = b.activity("收尾 finish", "bk_display", Json.obj("bk_display_message", "done"));
        b.chain(b.start, a, sub, c, b.end);
        return new Template(14, "subprocess-node-fails 子流程节点失败", "project", "Deploy",
                "A SubProcess node whose CMDB parameter fails to hydrate once: the node itself fails", b.build(), List.of());
    }

    private static Template hostsChild() {
        TreeBuilder b = new TreeBuilder("tpl-15");
        b.constant("${hosts}", "目标主机 hosts", cmdbHosts(), "show");
        b.constantField("${hosts}", "custom_type", Engine.CMDB_VARIABLE);
        String a = b.activity("检查主机 check hosts", "sleep_timer", sleep(2));
        b.chain(b.start, a, b.end);
        return new Template(15, "hosts-child 集群主机", "project", "OpsTools", "The child flow of template 14", b.build(), List.of());
    }

    private static Template approval() {
        TreeBuilder b = new TreeBuilder("tpl-16");
        String p = b.activity("审批 approve release", "bk_approve", Json.obj("bk_verifier", "admin",
                "bk_approve_title", "发布审批 release approval", "bk_approve_content", "approve the release of ${version}"));
        String a = b.activity("发布 release", "sleep_timer", sleep(3));
        b.constant("${version}", "版本 version", "1.0.0", "show");
        b.chain(b.start, p, a, b.end);
        return new Template(16, "审批发布 approval", "project", "Deploy", "An ITSM approval node (bk_approve) before a release",
                b.build(), List.of());
    }

    private static Template legacyTree() {
        TreeBuilder b = new TreeBuilder("tpl-17");
        Map<String, Object> inputs = new java.util.LinkedHashMap<>(Json.obj("job_script_type", "1", "job_content", null,
                "job_ip_list", "127.0.0.1", "job_account", "root"));
        String a = b.activity("旧版脚本 legacy script", "job_fast_execute_script", inputs);
        String c = b.activity("记录 record", "bk_display", Json.obj("bk_display_message", "ok"));
        b.withoutRetryAndSkipKeys(a);
        b.withoutRetryAndSkipKeys(c);
        b.chain(b.start, a, c, b.end);
        return new Template(17, "旧版模板 legacy-tree", "project", "OpsTools",
                "An older template: no retryable/skippable keys, a script node whose job_content is null", b.build(), List.of());
    }

    private static Template autoRetry() {
        TreeBuilder b = new TreeBuilder("tpl-21");
        String a = b.activity("调用接口 flaky http call", "bk_http_request",
                Json.obj("bk_http_request_method", "GET", "bk_http_request_url", "http://flaky.example.com/health", "bk_http_request_body", ""));
        String c = b.activity("记录 record", "bk_display", Json.obj("bk_display_message", "ok"));
        b.chain(b.start, a, c, b.end);
        Map<String, Object> tree = b.build();
        // the web format's per-activity auto_retry (bk-sops gcloud/taskflow3/domains/auto_retry.py reads enable/interval/times)
        Json.map(Json.map(tree.get("activities")).get(a)).put("auto_retry", Json.obj("enable", true, "interval", 5, "times", 2));
        return new Template(21, "自动重试 auto-retry", "project", "Other", "A node the server retries by itself after it fails",
                tree, List.of());
    }

    private static Template common(long id, String name, String nodeName) {
        TreeBuilder b = new TreeBuilder("tpl-" + id);
        String a = b.activity(nodeName, "sleep_timer", sleep(2));
        b.chain(b.start, a, b.end);
        return new Template(id, name, "common", "OpsTools", "A common flow", b.build(), List.of());
    }

    // ---- Job fidelity (issue 12): the fast Job plugins, inputs as their forms write them ----

    /** bk-sops fast_execute_script/v2_0.py: job_rolling_config {job_rolling_execute ["open"], expression, mode}. */
    private static Template rollingRelease() {
        TreeBuilder b = new TreeBuilder("tpl-30");
        String a = b.activity("滚动重启 rolling restart", "job_fast_execute_script", Json.obj(
                "biz_cc_id", String.valueOf(SandboxCredentials.BIZ_ID), "job_script_source", "manual",
                "job_script_type", "1", "job_content", "systemctl restart app", "job_script_param", "",
                "job_script_timeout", "", "job_ip_list", "10.0.1.11,10.0.1.12,10.0.1.13", "job_account", "root",
                "job_rolling_config", Json.obj("job_rolling_execute", List.of("open"),
                        "job_rolling_expression", "1", "job_rolling_mode", 3)));
        b.componentVersion(a, "v2.0");
        b.chain(b.start, a, b.end);
        return new Template(30, "滚动发布 rolling-release", "project", "Deploy",
                "A script run host by host, waiting for rolling-continue between batches", b.build(), List.of());
    }

    /** bk-sops fast_push_file/v3_0.py: a file_source origin, one dispatch row. */
    private static Template fastPushFile() {
        TreeBuilder b = new TreeBuilder("tpl-31");
        String a = b.activity("分发安装包 push package", "job_fast_push_file", Json.obj(
                "biz_cc_id", String.valueOf(SandboxCredentials.BIZ_ID), "job_source_files_origin", "file_source",
                "job_source_files", List.of(Json.obj("file_source", "cos-release", "files", "app-1.5.0.tar.gz")),
                "select_method", "manual", "job_dispatch_attr", List.of(Json.obj(
                        "job_ip_list", "10.0.1.11,10.0.1.12,10.0.1.13", "job_account", "root",
                        "job_target_path", "/opt/app/")),
                "upload_speed_limit", "", "download_speed_limit", "", "job_timeout", ""));
        b.componentVersion(a, "v3.0");
        b.chain(b.start, a, b.end);
        return new Template(31, "快速分发 fast-push-file", "project", "Deploy",
                "A file pushed from a third-party file source by a fast Job", b.build(), List.of());
    }

    // ---- issue 15: the operator's console ----

    /** Optional nodes, a required one, a parallel pair of optional checks, and three execution schemes. */
    private static Template schemeRelease() {
        TreeBuilder b = new TreeBuilder("tpl-40");
        b.constant("${version}", "版本 version", "2.0.0", "show");
        b.constant("${backup_dir}", "备份目录 backup dir", "/data/backup", "show");
        b.constant("${canary_hosts}", "灰度主机 canary hosts", "10.0.1.11", "show");
        b.constant("${notify_group}", "通知组 notify group", "ops", "hide");
        String backup = b.activity("备份 backup", "bk_display", Json.obj("bk_display_message", "backup to ${backup_dir}"));
        String deploy = b.activity("部署 deploy", "bk_display", Json.obj("bk_display_message", "deploy ${version}"));
        String fork = b.gateway("ParallelGateway", "并行验证 verify");
        String join = b.gateway("ConvergeGateway", "汇聚 join");
        b.converge(fork, join);
        String canary = b.activity("灰度验证 canary check", "bk_display", Json.obj("bk_display_message", "canary on ${canary_hosts}"));
        String smoke = b.activity("冒烟测试 smoke test", "sleep_timer", sleep(2));
        String notify = b.activity("通知 notify", "bk_display", Json.obj("bk_display_message", "released ${version} to ${notify_group}"));
        b.chain(b.start, backup, deploy, fork);
        b.flow(fork, canary);
        b.flow(canary, join);
        b.flow(fork, smoke);
        b.flow(smoke, join);
        b.chain(join, notify, b.end);
        Map<String, Object> tree = b.build();
        Json.map(Json.map(tree.get("activities")).get(deploy)).put("optional", false);
        List<Template.Scheme> schemes = List.of(
                new Template.Scheme(1, "完整 full", List.of(backup, deploy, canary, smoke, notify)),
                new Template.Scheme(2, "快速 quick", List.of(deploy)),
                new Template.Scheme(3, "灰度 canary", List.of(deploy, canary, notify)));
        return new Template(40, "方案发布 scheme-release", "project", "Deploy",
                "Optional nodes chosen by execution schemes", tree, schemes);
    }
}
