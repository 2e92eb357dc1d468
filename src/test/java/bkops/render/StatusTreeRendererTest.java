package bkops.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.model.Fixtures;
import bkops.model.PipelineTree;
import bkops.model.TaskStatus;
import bkops.testing.Golden;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusTreeRendererTest {

    private static final StatusTreeRenderer PLAIN = new StatusTreeRenderer(Style.PLAIN, false);

    @Test
    void failedRunWithTakenAndNotTakenBranchesAndHtmlError() {
        Golden.assertMatches("status-kitchen-sink.txt",
                PLAIN.render(null, Samples.kitchenSink(), Samples.kitchenSinkFailed(), Map.of()));
    }

    @Test
    void wideAddsNodeIds() {
        Golden.assertMatches("status-kitchen-sink-wide.txt", new StatusTreeRenderer(Style.PLAIN, true)
                .render("上线流程 #12", Samples.kitchenSink(), Samples.kitchenSinkFailed(), Map.of()));
    }

    @Test
    void callerErrorsWinAndJsonErrorsShowTheirMessage() {
        ObjectNode root = Samples.state("root", "FAILED", "回滚", 9);
        ObjectNode sub = Samples.state("sub1", "FAILED", "回滚子流程", 9);
        root.putObject("children").set("sub1", sub);
        ObjectNode subKids = sub.putObject("children");
        subKids.set("sub1s", Samples.state("sub1s", "FINISHED", "", 0));
        subKids.set("sub1a", Samples.state("sub1a", "FAILED", "回滚脚本", 8));
        root.putObject("ex_data").put("sub1a", "{\n  \"code\": 1,\n  \"message\": \"脚本执行失败: exit 2\"\n}");
        TaskStatus status = TaskStatus.parse(root);
        String fromExData = PLAIN.render(null, subprocessOnly(), status, Map.of());
        Golden.assertMatches("status-subprocess-json-error.txt", fromExData);
        String fromCaller = PLAIN.render(null, subprocessOnly(), status, Map.of("sub1a", "step 3 failed\ndetails..."));
        assertTrue(fromCaller.contains("step 3 failed") && !fromCaller.contains("details"), fromCaller);
    }

    @Test
    void engineV1DocExample() {
        TreeJson t = new TreeJson("ndf194ddb9e6365da1902dbd51610e9a").start("n00e3a0396403a19a4517d8e2eb0b015")
                .activity("nb346e202d17387082189f95dd3f80ca", "定时", "sleep_timer").end("nend");
        t.flow("n00e3a0396403a19a4517d8e2eb0b015", "nb346e202d17387082189f95dd3f80ca")
                .flow("nb346e202d17387082189f95dd3f80ca", "nend");
        TaskStatus status = TaskStatus.parse(Fixtures.docData("get_task_status"));
        Golden.assertMatches("status-doc-example.txt",
                PLAIN.render("定时任务", PipelineTree.parse(t.json()), status, Map.of()));
    }

    @Test
    void expiredTaskShowsEverythingPending() {
        String out = PLAIN.render("旧任务", subprocessOnly(), TaskStatus.parse(Fixtures.json("{\"state\":\"EXPIRED\"}")),
                Map.of());
        assertEquals("旧任务   ⧖ EXPIRED", out.lines().findFirst().orElseThrow());
        assertEquals(6, out.lines().filter(l -> l.contains("◌ PENDING")).count(), out);
    }

    @Test
    void colouredOutputMatchesPlainOnceStripped() {
        String coloured = new StatusTreeRenderer(Style.ANSI, false)
                .render(null, Samples.kitchenSink(), Samples.kitchenSinkFailed(), Map.of());
        assertTrue(coloured.contains("\u001b[31m✖ FAILED"));
        assertEquals(PLAIN.render(null, Samples.kitchenSink(), Samples.kitchenSinkFailed(), Map.of()),
                DisplayWidth.stripAnsi(coloured));
    }

    @Test
    void firstLineOfErrors() {
        assertEquals("502 Bad Gateway", ErrorText.firstLine("<html><body><h1>502 Bad Gateway</h1></body>"));
        assertEquals("a < b & c", ErrorText.firstLine("<p>a &lt; b &amp; c</p><p>second</p>"));
        assertEquals("boom", ErrorText.firstLine("{\"result\": false, \"message\": \"boom\"}"));
        assertEquals("{\"a\":1}", ErrorText.firstLine("{\"a\": 1}"));
        assertEquals("Traceback (most recent call last):", ErrorText.firstLine(
                "\n  Traceback (most recent call last):\n  File \"x.py\""));
        assertEquals("{not json", ErrorText.firstLine("{not json\nmore"));
    }

    @Test
    void durations() {
        assertEquals("0s", StatusTreeRenderer.formatDuration(0));
        assertEquals("59s", StatusTreeRenderer.formatDuration(59));
        assertEquals("1m05s", StatusTreeRenderer.formatDuration(65));
        assertEquals("15h17m15s", StatusTreeRenderer.formatDuration(55035));
        assertEquals("2d03h", StatusTreeRenderer.formatDuration(2 * 86400 + 3 * 3600 + 59));
    }

    /** start → 回滚子流程 (start → 回滚脚本 → end) → end, with the ids the kitchen sink uses. */
    private static PipelineTree subprocessOnly() {
        TreeJson nested = new TreeJson("sub1").start("sub1s").activity("sub1a", "回滚脚本", "job_fast_execute_script")
                .end("sub1e").flow("sub1s", "sub1a").flow("sub1a", "sub1e");
        TreeJson t = new TreeJson("root").start("s").subprocess("sub1", "回滚子流程", nested).end("e");
        t.flow("s", "sub1").flow("sub1", "e");
        return PipelineTree.parse(t.json());
    }
}
