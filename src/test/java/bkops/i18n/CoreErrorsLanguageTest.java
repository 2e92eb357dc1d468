package bkops.i18n;

import bkops.sandbox.Faults;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The error lines built outside cli/ (ops, api, config, model, cron) in both languages against the sandbox: our words
 * around the server's follow the language; the server's message, code and request id and the exit code do not.
 */
@BkopsTest
class CoreErrorsLanguageTest {
    TestSandbox sb;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(sb.env());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private Map<String, String> chinese() {
        return env("BKOPS_LANG", "zh");
    }

    /** The one error line of a failed run (a write's stderr starts with the line naming the profile it acts on). */
    private static String line(CliRun.Result r) {
        String err = r.err().strip();
        if (err.startsWith("acting on ") || err.startsWith("作用于")) {
            err = err.substring(err.indexOf('\n') + 1);
        }
        String one = err;
        assertFalse(one.contains("\n"), () -> "one error line on stderr: " + r);
        assertTrue(one.startsWith("bkops: "), r::toString);
        return one;
    }

    /** A node's id by its name, from the task's pipeline tree. */
    private String node(long task, String name) {
        JsonNode acts = sb.get("/get_task_detail/" + task + "/2/").ok().path("data").path("pipeline_tree").path("activities");
        for (Iterator<Map.Entry<String, JsonNode>> it = acts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (name.equals(e.getValue().path("name").asText())) {
                return e.getKey();
            }
        }
        throw new AssertionError("no node " + name + " in " + acts);
    }

    @Test
    void aRejectedApprovalsVerdictSaysNoNullWhereTheServerSentNone() {
        long rejected = sb.startTask(16, null);
        String node = node(rejected, "审批 approve release");
        sb.advance(10);
        sb.post("/node_callback/" + rejected + "/2/",
                Map.of("node_id", node, "callback_data", Map.of("approve_result", false))).ok();
        sb.advance(10);
        // bk-sops get_task_status_v2 sends ex_data {node: null} for a node that failed without an error text
        CliRun.Result r = sb.run("task", "wait", String.valueOf(rejected));
        assertEquals(10, r.exit(), r::toString);
        assertTrue(r.err().contains(node), r::toString);
        assertFalse(r.err().contains("null"), r::toString);
    }

    /** The same command in English and in Chinese: one line each, the same exit code; returns {english, chinese}. */
    private String[] both(int exit, Runnable before, String... args) {
        before.run();
        CliRun.Result en = sb.run(env(), args);
        before.run();
        CliRun.Result zh = sb.run(chinese(), args);
        assertEquals(exit, en.exit(), en::toString);
        assertEquals(exit, zh.exit(), zh::toString);
        return new String[] {line(en), line(zh)};
    }

    @Test
    void aTaskNotFoundKeepsTheServersMessageAndCodeInOurWords() {
        String[] l = both(5, () -> { }, "task", "status", "999999");
        assertTrue(l[0].startsWith("bkops: read the status of task 999999: "), l[0]);
        assertTrue(l[1].startsWith("bkops: 读取任务 999999 的状态："), l[1]);
        // the server's message, code and request id as they came
        assertEquals(l[0].substring(l[0].indexOf(": ", 7) + 2, l[0].indexOf(" [")),
                l[1].substring(l[1].indexOf("：") + 1, l[1].indexOf(" [")));
    }

    @Test
    void aGatewayAuthFailureInBothLanguages() {
        String[] l = both(4, () -> sb.faults().add(Faults.Kind.GATEWAY_401, 1), "task", "status", "1");
        assertTrue(l[0].contains(": authentication failed: "), l[0]);
        assertTrue(l[1].contains("：认证失败："), l[1]);
    }

    @Test
    void aServerErrorInBothLanguages() {
        String[] l = both(6, () -> sb.faults().add(new Faults.Fault(Faults.Kind.SERVER_ERROR, 1, null, 503)),
                "task", "status", "1");
        assertTrue(l[0].contains("read the status of task 1: server error HTTP 503"), l[0]);
        assertTrue(l[1].contains("读取任务 1 的状态：服务器错误 HTTP 503"), l[1]);
    }

    @Test
    void aLoginPageInsteadOfJsonInBothLanguages() {
        String[] l = both(6, () -> sb.faults().add(Faults.Kind.HTML_LOGIN, 1), "task", "list");
        assertTrue(l[0].contains("list tasks: the server answered with an HTML page"), l[0]);
        assertTrue(l[1].contains("列出任务：服务器返回了一个标题为 \"登录 | 蓝鲸智云\" 的 HTML 页面"), l[1]);
    }

    @Test
    void aRefusedConnectionInBothLanguages() {
        Map<String, String> closed = env("BKOPS_SOPS_URL", "http://127.0.0.1:9/");
        CliRun.Result en = sb.run(closed, "task", "status", "1");
        Map<String, String> zhClosed = new HashMap<>(closed);
        zhClosed.put("BKOPS_LANG", "zh");
        CliRun.Result zh = sb.run(zhClosed, "task", "status", "1");
        assertEquals(6, en.exit(), en::toString);
        assertEquals(6, zh.exit(), zh::toString);
        assertTrue(line(en).contains("read the status of task 1: cannot connect to 127.0.0.1:9 (connection refused)"),
                en::toString);
        assertTrue(line(zh).contains("读取任务 1 的状态：无法连接到 127.0.0.1:9（连接被拒绝）"), zh::toString);
    }

    @Test
    void aNodeRefusedByItsStateInBothLanguages() {
        long task = sb.startTask(1, null);
        sb.advance(60);
        String[] l = both(3, () -> { }, "node", "skip", String.valueOf(task), "准备 prepare", "--yes");
        assertEquals("bkops: node 准备 prepare is FINISHED; skip needs FAILED (--force sends it anyway)", l[0]);
        assertTrue(l[1].startsWith("bkops: 节点 准备 prepare 的状态：FINISHED；skip 需要 FAILED"), l[1]);
    }

    @Test
    void aStepRefusedByItsStateInBothLanguages() {
        CliRun.Result created = sb.run("task", "create", "--template", "10", "--name", "审批发布", "--const",
                "job_plan_id=1004", "--start");
        assertEquals(0, created.exit(), created::toString);
        sb.advance(3); // the pre-check step ran; Job waits for a person at step 50002
        String[] l = both(3, () -> { }, "step", "operate", "--job", "20001", "--step", "50002", "--op", "retry-failed");
        assertTrue(l[0].startsWith("bkops: step 50002 is WAITING_USER; retry-failed needs FAILED, ABNORMAL or "
                + "TERMINATED"), l[0]);
        assertTrue(l[0].contains("see 'bkops job status 20001'"), l[0]);
        assertTrue(l[1].startsWith("bkops: 步骤 50002 的状态：WAITING_USER；retry-failed 需要 FAILED, ABNORMAL 或 "
                + "TERMINATED"), l[1]);
        assertTrue(l[1].contains("见 'bkops job status 20001'"), l[1]);
    }

    @Test
    void aLostReplyReadBackInBothLanguages() {
        long task = sb.startTask(4, null);
        String[] l = both(6, () -> sb.faults().add(new Faults.Fault(Faults.Kind.DROP, 1, "operate_task", 0)),
                "task", "pause", String.valueOf(task));
        assertTrue(l[0].startsWith("bkops: pause task " + task + ": not known whether it was applied (connection to "), l[0]);
        assertTrue(l[0].contains("; not seen yet: task " + task + " is still RUNNING after 10s of reading back, but the "
                + "pause may still take effect: check with 'bkops task status " + task + "' before sending it again"), l[0]);
        assertTrue(l[1].startsWith("bkops: 对任务 " + task + " 执行 pause：不确定是否已生效（与 "), l[1]);
        assertTrue(l[1].contains("；尚未看到生效：读回 10s 后任务 " + task + " 仍为 RUNNING，但 pause 仍可能生效：再次发送前请用 "
                + "'bkops task status " + task + "' 确认（未重新发送）"), l[1]);
    }

    @Test
    void aBadSettingAndAMissingProfileInBothLanguages() {
        Map<String, String> ftp = env("BKOPS_SOPS_URL", "ftp://sops.example");
        CliRun.Result en = sb.run(ftp, "task", "list");
        Map<String, String> zhFtp = new HashMap<>(ftp);
        zhFtp.put("BKOPS_LANG", "zh");
        CliRun.Result zh = sb.run(zhFtp, "task", "list");
        assertEquals(2, en.exit(), en::toString);
        assertEquals(2, zh.exit(), zh::toString);
        assertEquals("bkops: bad sops-url 'ftp://sops.example' from BKOPS_SOPS_URL: expected an http:// or https:// URL "
                + "with a host", line(en));
        assertEquals("bkops: 来自 BKOPS_SOPS_URL 的 sops-url 值 'ftp://sops.example' 无效：应为带主机名的 http:// 或 "
                + "https:// URL", line(zh));

        String[] l = both(2, () -> { }, "-p", "nosuch", "task", "list");
        assertTrue(l[0].startsWith("bkops: no profile 'nosuch' (selected by "), l[0]);
        assertTrue(l[0].endsWith("; create it with 'bkops config init -p nosuch'"), l[0]);
        assertTrue(l[1].contains("中没有档案 'nosuch'（由 "), l[1]);
        assertTrue(l[1].endsWith("；用 'bkops config init -p nosuch' 创建"), l[1]);
    }

    @Test
    void aNodeNotFoundInBothLanguages() {
        long task = sb.startTask(1, null);
        String[] l = both(5, () -> { }, "node", "show", String.valueOf(task), "无此节点");
        assertEquals("bkops: task " + task + " has no node with id or name '无此节点' (see 'bkops task status " + task
                + " -o wide')", l[0]);
        assertEquals("bkops: 任务 " + task + " 中没有 ID 或名称为 '无此节点' 的节点（见 'bkops task status " + task
                + " -o wide'）", l[1]);
    }

    @Test
    void aVerdictsExplanationInBothLanguages() {
        CliRun.Result created = sb.run("task", "create", "--template", "10", "--name", "审批发布", "--const",
                "job_plan_id=1004", "--start");
        assertEquals(0, created.exit(), created::toString);
        String id = created.out().replaceAll("(?s)^\\D*(\\d+).*$", "$1");
        sb.advance(3); // Job waits for a person at step 50002
        CliRun.Result en = sb.run("task", "wait", id, "--timeout", "1m");
        CliRun.Result zh = sb.run(chinese(), "task", "wait", id, "--timeout", "1m");
        assertEquals(12, en.exit(), en::toString);
        assertEquals(12, zh.exit(), zh::toString);
        assertTrue(en.err().contains(": Job instance 20001 waits for a confirmation at step 50002 发布审批 Approve release"),
                en::toString);
        assertTrue(zh.err().contains("作业实例 20001 在步骤 50002 发布审批 Approve release 等待人工确认"), zh::toString);
        assertFalse(zh.err().contains("Job instance"), zh::toString);
        assertTrue(zh.err().contains("bkops step operate --job 20001 --step 50002 --op confirm"), zh::toString);
    }

    @Test
    void aWrongConstantIsAUsageErrorInBothLanguages() {
        String[] l = both(2, () -> { }, "task", "create", "--template", "1", "--name", "发布", "--const", "nosuch=1");
        assertTrue(l[0].startsWith("bkops: the template has no constant ${nosuch}; its constants: "), l[0]);
        assertTrue(l[1].startsWith("bkops: 流程模板 中没有全局变量 ${nosuch}；它的全局变量："), l[1]);
    }

    @Test
    void aBadDurationInBothLanguages() {
        String[] l = both(2, () -> { }, "task", "list", "--timeout", "5x");
        assertTrue(l[0].contains("'5x'") && l[0].contains("use e.g. 30s, 2m, 500ms, 1h30m or a number of seconds"), l[0]);
        assertTrue(l[1].contains("'5x'") && l[1].contains("请使用如 30s、2m、500ms、1h30m 的写法或秒数"), l[1]);
    }

    @Test
    void doctorsChecksInBothLanguagesAndItsJsonInEnglish() {
        CliRun.Result en = sb.run(env(), "doctor");
        CliRun.Result zh = sb.run(chinese(), "doctor");
        CliRun.Result zhJson = sb.run(chinese(), "doctor", "-o", "json");
        assertEquals(0, en.exit(), en::toString);
        assertEquals(0, zh.exit(), zh::toString);
        assertEquals(0, zhJson.exit(), zhJson::toString);
        assertTrue(en.out().contains("reachable, credentials accepted in "), en::toString);
        assertTrue(zh.out().contains("可以访问，凭据有效，耗时 "), zh::toString);
        assertTrue(zh.out().contains("的项目 ") && zh.out().contains("（请求 ID "), zh::toString);
        assertTrue(zhJson.out().contains("reachable, credentials accepted in "), zhJson::toString);
        assertFalse(zhJson.out().contains("可以访问"), zhJson::toString);
    }

    @Test
    void aBadCronInBothLanguages() {
        String[] l = both(2, () -> { }, "periodic", "create", "--template", "1", "--name", "夜间", "--cron", "0 25 * * *");
        assertEquals("bkops: cron hour field (2 of 5) '25': 25 is out of range 0-23", l[0]);
        assertEquals("bkops: cron 的小时字段（第 2 个，共 5 个）'25'：25 超出范围 0-23", l[1]);
    }

    @Test
    void aCreationWhoseReplyWasLostIsLookedForInBothLanguages() {
        String[] l = both(6, () -> sb.faults().add(new Faults.Fault(Faults.Kind.DROP_APPLIED, 1, "create_task", 0)),
                "task", "create", "--template", "1", "--name", "丢失", "--const", "version=1");
        assertTrue(l[0].contains("; tasks named '丢失' from template 1 now: "), l[0]);
        assertTrue(l[0].endsWith(" (not re-sent; check them before creating another)"), l[0]);
        assertTrue(l[1].contains("；现在来自流程模板 1、名为 '丢失' 的任务："), l[1]);
        assertTrue(l[1].endsWith("（未重新发送；再创建之前请先检查它们）"), l[1]);
    }
}
