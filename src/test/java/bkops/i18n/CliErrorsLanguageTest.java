package bkops.i18n;

import bkops.cli.job.JobScenario;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands' own error lines (cli/, section errors.cli) in English and in Chinese: the line is said in the run's
 * language, starts "bkops: " in both, is one line, and the exit code does not change with the language.
 */
@BkopsTest
class CliErrorsLanguageTest {
    TestSandbox sb;

    private Map<String, String> chinese() {
        Map<String, String> env = new HashMap<>(sb.env());
        env.put("BKOPS_LANG", "zh");
        return env;
    }

    /** Runs the command in both languages: the same exit code, one line each on stderr; the two lines. */
    private String[] both(int exit, String... args) {
        CliRun.Result en = sb.run(sb.env(), args);
        CliRun.Result zh = sb.run(chinese(), args);
        assertEquals(exit, en.exit(), en::toString);
        assertEquals(exit, zh.exit(), zh::toString);
        assertEquals(en.out(), zh.out(), "stdout does not change with the language");
        assertEquals(1, en.err().lines().count(), en::toString);
        assertEquals(1, zh.err().lines().count(), zh::toString);
        assertTrue(en.err().startsWith("bkops: ") && zh.err().startsWith("bkops: "), zh::toString);
        return new String[] {en.err().strip(), zh.err().strip()};
    }

    private String task() {
        CliRun.Result r = sb.run("task", "create", "--template", "1", "--name", "x", "-o", "id");
        assertEquals(0, r.exit(), r::toString);
        return r.out().strip();
    }

    @Test
    void anIdThatIsNotANumber() {
        String[] lines = both(2, "task", "status", "abc");
        assertEquals("bkops: task id must be a number, got 'abc' (see 'bkops task list')", lines[0]);
        assertEquals("bkops: 任务 ID 必须是数字，收到的是 'abc'（参见 'bkops task list'）", lines[1]);
        lines = both(2, "template", "show", "x1");
        assertTrue(lines[1].startsWith("bkops: 流程模板 ID 必须是数字"), lines[1]);
    }

    @Test
    void aNodeThatIsNotThere() {
        String id = task();
        String[] lines = both(5, "node", "show", id, "没有这个节点");
        assertTrue(lines[0].endsWith(" (see 'bkops task status " + id + " -o wide')"), lines[0]);
        assertTrue(lines[1].startsWith("bkops: 任务 " + id + " 中没有") // errors.ops (NodeSelectionException)
                && lines[1].endsWith("'bkops task status " + id + " -o wide'）"), lines[1]);
    }

    @Test
    void aStepThatIsNotThere() {
        long job = JobScenario.launch(sb, 1001);
        String[] lines = both(5, "job", "log", "" + job, "--step", "7");
        assertTrue(lines[0].startsWith("bkops: job " + job + " has no step 7 (its steps: "), lines[0]);
        assertTrue(lines[1].startsWith("bkops: 作业实例 " + job + " 没有步骤 7（它的步骤："), lines[1]);
    }

    @Test
    void usageErrorsOfTheGlobalOptions() {
        String[] lines = both(2, "task", "list", "-o", "xml");
        assertTrue(lines[0].startsWith("bkops: output format 'xml' (from "), lines[0]);
        assertTrue(lines[1].startsWith("bkops: 此处不支持输出格式 'xml'（来自 "), lines[1]);
        lines = both(2, "task", "list", "--jq", ".[");
        assertTrue(lines[0].startsWith("bkops: --jq '.[': "), lines[0]);
        assertTrue(lines[1].startsWith("bkops: --jq '.['："), lines[1]);
        lines = both(2, "task", "list", "--limit", "0");
        assertEquals("bkops: --limit must be at least 1, got 0", lines[0]);
        assertEquals("bkops: --limit 至少为 1，收到的是 0", lines[1]);
    }

    @Test
    void aConfigErrorOfTheCommands() {
        String[] lines = both(2, "config", "use", "nosuch");
        assertTrue(lines[0].startsWith("bkops: no profile 'nosuch' in "), lines[0]);
        assertTrue(lines[1].startsWith("bkops: ") && lines[1].contains("中没有档案 'nosuch'；已有："), lines[1]);
        lines = both(2, "config", "set", "nosuch", "1");
        assertTrue(lines[1].startsWith("bkops: 未知的设置项 'nosuch'；已知："), lines[1]);
    }

    @Test
    void aNounWithoutAVerbEndsWithItsLineInTheLanguage() {
        CliRun.Result en = sb.run(sb.env(), "task");
        CliRun.Result zh = sb.run(chinese(), "task");
        assertEquals(2, en.exit());
        assertEquals(2, zh.exit());
        assertTrue(en.err().strip().endsWith("bkops: 'bkops task' needs a verb, e.g. 'bkops task list'"), en::toString);
        assertTrue(zh.err().strip().endsWith("bkops: 'bkops task' 需要一个子命令，例如 'bkops task list'"), zh::toString);
    }

    @Test
    void theSubjectOfARevokesConfirmationIsSaidInTheLanguage() {
        String id = task();
        String[] lines = both(2, "task", "revoke", id);
        assertTrue(lines[0].startsWith("bkops: revoke task " + id + " needs confirmation"), lines[0]);
        assertTrue(lines[1].startsWith("bkops: 终止任务 " + id + " 需要确认"), lines[1]);
    }

    @Test
    void usageErrorsOfTheNodeAndStepVerbs() {
        String id = task();
        String[] lines = both(2, "node", "retry", id, "--failed", "--input", "a=1");
        assertEquals("bkops: --input and --inputs-file change one node's inputs; name the NODE instead of --failed",
                lines[0]);
        assertEquals("bkops: --input 和 --inputs-file 修改的是一个节点的输入参数；请指明 NODE，而不是 --failed", lines[1]);
        lines = both(2, "node", "callback", id, "n1", "--data", "[1]");
        assertEquals("bkops: --data must be a JSON object, e.g. {\"key\": \"value\"}", lines[0]);
        assertEquals("bkops: --data 必须是 JSON 对象，例如 {\"key\": \"value\"}", lines[1]);
        lines = both(2, "step", "operate", "1", "2", "--op", "nope");
        assertTrue(lines[0].startsWith("bkops: unknown step operation 'nope'; use one of: "), lines[0]);
        assertTrue(lines[1].startsWith("bkops: 未知的步骤操作 'nope'；可选："), lines[1]);
    }

    @Test
    void aPeriodicScheduleRefusedBeforeAnythingIsSent() {
        String[] lines = both(2, "periodic", "create", "--template", "1", "--name", "p", "--cron", "0 3 1 * 1");
        assertTrue(lines[0].startsWith("bkops: day-of-month '1' and day-of-week '1' are both restricted"), lines[0]);
        assertTrue(lines[1].startsWith("bkops: 日期字段 '1' 和星期字段 '1' 都有限定"), lines[1]);
    }

    @Test
    void aBulkActionsFailuresAndItsSummaryAreSaidInTheLanguage() {
        CliRun.Result made = sb.run("periodic", "create", "--template", "1", "--name", "a", "--cron", "0 3 * * *",
                "-o", "id");
        assertEquals(0, made.exit(), made::toString);
        String a = made.out().strip();
        CliRun.Result en = sb.run(sb.env(), "periodic", "disable", a, "99", "--yes");
        CliRun.Result zh = sb.run(chinese(), "periodic", "disable", a, "99", "--yes");
        assertEquals(7, en.exit(), en::toString);
        assertEquals(7, zh.exit(), zh::toString);
        assertTrue(en.err().contains("task(99) does not exist [code 3540400"), en::toString);
        assertTrue(en.err().contains("bkops: disabled 1 of 2 periodic tasks; 1 failed (above)"), en::toString);
        // the server's message as it is; our words around it in Chinese
        assertTrue(zh.err().contains("task(99) does not exist [错误码 3540400"), zh::toString);
        assertTrue(zh.err().contains("bkops: 已停用 2 个周期任务中的 1 个；1 个失败（见上）"), zh::toString);
        assertEquals("periodic task " + a + " disabled\n", en.out());
        assertEquals("周期任务 " + a + " 已停用\n", zh.out());
    }

    @Test
    void jobListsRangeIsCheckedInTheLanguage() {
        String[] lines = both(2, "job", "list", "--since", "800h");
        assertEquals("bkops: Job searches at most 30 days (720h) of history at once; narrow --since or "
                + "--created-after/--created-before", lines[0]);
        assertEquals("bkops: 作业平台一次最多查询 30 天（720h）的历史；请缩小 --since 或 --created-after/--created-before",
                lines[1]);
        lines = both(2, "job", "list", "--created-after", "yesterday");
        assertTrue(lines[1].startsWith("bkops: --created-after：'yesterday' 不是日期时间"), lines[1]);
    }
}
