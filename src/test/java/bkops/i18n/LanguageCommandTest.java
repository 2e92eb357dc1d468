package bkops.i18n;

import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same commands against the sandbox in English and in Chinese: people's texts change with the language (chosen
 * by BKOPS_LANG, else LC_ALL, LC_MESSAGES, LANG), what machines read (-o json, -o id, --dry-run's requests, exit codes,
 * the API's states) does not.
 */
@BkopsTest
class LanguageCommandTest {
    TestSandbox sb;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(sb.env());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private Map<String, String> english() {
        return env();
    }

    private Map<String, String> chinese() {
        return env("BKOPS_LANG", "zh");
    }

    private String created(CliRun.Result r) {
        assertEquals(0, r.exit(), r::toString);
        Matcher m = Pattern.compile("(\\d+)").matcher(r.out());
        assertTrue(m.find(), r::toString);
        return m.group(1);
    }

    /** A task of template 1 (it finishes), started and waited for. */
    private String finishedTask() {
        String id = created(sb.run("task", "create", "--template", "1", "--name", "发布", "--const", "version=1"));
        CliRun.Result waited = sb.run("task", "start", id, "--wait");
        assertEquals(0, waited.exit(), waited::toString);
        return id;
    }

    @Test
    void tableHeadersFollowTheLanguageAndStatesStayTheApis() {
        String id = finishedTask();
        CliRun.Result en = sb.run(english(), "task", "list");
        CliRun.Result zh = sb.run(chinese(), "task", "list");
        assertEquals(0, en.exit(), en::toString);
        assertEquals(0, zh.exit(), zh::toString);
        assertTrue(en.out().contains("ID   NAME   STATUS"), en::toString);
        assertTrue(zh.out().contains("名称") && zh.out().contains("状态") && zh.out().contains("执行人")
                && zh.out().contains("开始时间"), zh::toString);
        assertFalse(zh.out().contains("NAME"), zh::toString);
        assertTrue(zh.out().contains("✔ FINISHED"), "the API's state, in every language: " + zh);

        CliRun.Result tree = sb.run(chinese(), "task", "status", id);
        assertTrue(tree.out().contains("步骤") && tree.out().contains("耗时") && tree.out().contains("重试次数"), tree::toString);
        assertTrue(tree.out().contains("FINISHED"), tree::toString);
        assertTrue(sb.run(english(), "task", "status", id).out().contains("STEP"));
    }

    @Test
    void theLanguageComesFromLangWhenLcAllIsUnsetAndLcAllWins() {
        finishedTask();
        CliRun.Result lang = sb.run(env("LANG", "zh_CN.UTF-8"), "task", "list");
        assertTrue(lang.out().contains("名称"), lang::toString);
        CliRun.Result messages = sb.run(env("LANG", "en_US.UTF-8", "LC_MESSAGES", "zh_CN.UTF-8"), "task", "list");
        assertTrue(messages.out().contains("名称"), messages::toString);
        CliRun.Result c = sb.run(env("LANG", "zh_CN.UTF-8", "LC_ALL", "C"), "task", "list");
        assertTrue(c.out().contains("NAME") && !c.out().contains("名称"), c::toString);
        CliRun.Result overridden = sb.run(env("LC_ALL", "zh_CN.UTF-8", "BKOPS_LANG", "en"), "task", "list");
        assertTrue(overridden.out().contains("NAME"), overridden::toString);
    }

    @Test
    void aFailedWaitsVerdictInBothLanguagesWithTheSameExitCode() {
        // template 3's script node fails until its input is fixed
        String id = created(sb.run("task", "create", "--template", "3", "--name", "修复", "--start"));
        CliRun.Result en = sb.run(english(), "task", "wait", id, "--timeout", "5m");
        CliRun.Result zh = sb.run(chinese(), "task", "wait", id, "--timeout", "5m");
        CliRun.Result lang = sb.run(env("LANG", "zh_CN.UTF-8"), "task", "wait", id, "--timeout", "5m");
        assertEquals(10, en.exit(), en::toString);
        assertEquals(10, zh.exit(), zh::toString);
        assertEquals(10, lang.exit(), lang::toString);
        assertTrue(en.err().contains("task " + id + ": FAILED and waits for someone"), en::toString);
        assertTrue(zh.err().contains("任务 " + id + "：FAILED，等待人工处理"), zh::toString);
        assertEquals(zh.err(), lang.err());
        assertTrue(zh.err().contains("bkops node retry " + id), "the commands to type are commands: " + zh);
        assertEquals(en.out(), zh.out().replace("✖ FAILED", "✖ FAILED"), "the task's line: id, state, name");
    }

    @Test
    void aRefusalsFrameFollowsTheLanguageAndItsExitCodeDoesNot() {
        String id = finishedTask();
        CliRun.Result en = sb.run(english(), "node", "retry", id, "部署 deploy");
        CliRun.Result zh = sb.run(chinese(), "node", "retry", id, "部署 deploy");
        assertEquals(3, en.exit(), en::toString);
        assertEquals(3, zh.exit(), zh::toString);
        assertTrue(en.err().startsWith("bkops: ") && en.err().contains("--force sends it anyway)"), en::toString);
        assertTrue(zh.err().startsWith("bkops: ") && zh.err().contains("加 --force 仍会发送）"), zh::toString);
        assertEquals(1, zh.err().lines().count(), zh::toString);
    }

    @Test
    void whatAChangeIsIsSaidInTheLanguage() {
        // template 3's script node fails until its input is fixed; a read-only run names the change it refuses
        String id = created(sb.run("task", "create", "--template", "3", "--name", "只读", "--start"));
        sb.run("task", "wait", id, "--timeout", "5m");
        CliRun.Result en = sb.run(env("BKOPS_PROTECT", "read-only"), "node", "retry", id, "--failed", "--yes");
        CliRun.Result zh = sb.run(env("BKOPS_PROTECT", "read-only", "BKOPS_LANG", "zh"), "node", "retry", id, "--failed", "--yes");
        assertEquals(3, en.exit(), en::toString);
        assertEquals(3, zh.exit(), zh::toString);
        assertTrue(en.err().matches("(?s)bkops: retry node .+ of task " + id + ": not sent: .*"), en::toString);
        assertTrue(zh.err().matches("(?s)bkops: 重试节点 .+（任务 " + id + "）：未发送：.*"), zh::toString);
        CliRun.Result task = sb.run(env("BKOPS_PROTECT", "read-only", "BKOPS_LANG", "zh"), "task", "pause", id);
        assertTrue(task.err().startsWith("bkops: 暂停任务 " + id + "：未发送："), task::toString);
    }

    @Test
    void notConfirmedIsSaidInTheLanguage() {
        String id = created(sb.run("task", "create", "--template", "1", "--name", "x", "--start"));
        CliRun.Result en = sb.run(english(), "task", "revoke", id);
        CliRun.Result zh = sb.run(chinese(), "task", "revoke", id);
        assertEquals(2, en.exit(), en::toString);
        assertEquals(2, zh.exit(), zh::toString);
        assertTrue(en.err().contains("needs confirmation and stdin is not a terminal"), en::toString);
        assertTrue(zh.err().contains("需要确认，但标准输入不是终端"), zh::toString);
    }

    @Test
    void machineOutputIsByteIdenticalInEveryLanguage() {
        String id = finishedTask();
        List<List<String>> commands = List.of(
                List.of("task", "status", id, "-o", "json"),
                List.of("task", "list", "-o", "id"),
                List.of("task", "list", "-o", "json"),
                List.of("task", "show", id, "-o", "yaml"),
                List.of("task", "status", id, "999999", "-o", "jsonl"),
                List.of("task", "create", "--template", "1", "--name", "预览", "--dry-run", "-o", "json"),
                List.of("task", "revoke", id, "--dry-run", "-o", "jsonl"));
        for (List<String> c : commands) {
            String[] args = c.toArray(String[]::new);
            CliRun.Result en = sb.run(english(), args);
            CliRun.Result zh = sb.run(chinese(), args);
            CliRun.Result lang = sb.run(env("LANG", "zh_CN.UTF-8"), args);
            assertFalse(en.out().isEmpty(), c + ": " + en);
            assertEquals(en.out(), zh.out(), c + " stdout");
            assertEquals(en.out(), lang.out(), c + " stdout");
            assertEquals(en.exit(), zh.exit(), c + " exit");
        }
    }

    @Test
    void theHelpOfTheTaskVerbsIsChinese() {
        for (String verb : List.of("list", "create", "start", "operate", "pause", "resume", "revoke", "status", "show",
                "graph", "watch", "wait", "count", "claim", "history")) {
            CliRun.Result zh = sb.run(chinese(), "task", verb, "--help");
            assertEquals(0, zh.exit(), zh::toString);
            String key = "bkops.task." + verb + ".usage.header";
            assertTrue(zh.out().contains(Messages.CHINESE.helpBundle().getString(key)), verb + ": " + zh);
            assertTrue(zh.out().contains("用法：") && zh.out().contains("示例："), zh::toString);
            assertTrue(zh.out().contains("全局选项（") && zh.out().contains("bkops options"), zh::toString);
            CliRun.Result en = sb.run(english(), "task", verb, "--help");
            assertTrue(en.out().contains("Usage:") && !en.out().contains("用法"), en::toString);
            assertEquals(en.out().contains("\nOptions:\n"), zh.out().contains("\n选项：\n"), zh::toString); // own options only
        }
        CliRun.Result root = sb.run(chinese(), "--help");
        assertTrue(root.out().contains("退出码：") && root.out().contains("130  已中断"), root::toString);
        assertTrue(root.out().contains("输出格式") || !root.out().contains("Output formats"), root::toString);
    }

    @Test
    void picocliSMostCommonMistakesAreSaidInChinese() {
        CliRun.Result unknown = sb.run(chinese(), "task", "status", "1", "--nope");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("bkops: 未知选项：--nope"), unknown::toString);
        CliRun.Result missing = sb.run(chinese(), "task", "status");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("bkops: 缺少必需的参数：TASK"), missing::toString);
        assertTrue(missing.err().contains("参见 'bkops task status --help'。"), missing::toString);
    }
}
