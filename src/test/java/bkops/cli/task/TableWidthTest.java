package bkops.cli.task;

import static bkops.cli.task.TaskTesting.createdId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.render.DisplayWidth;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tables and the terminal's width (issue 16 item 2): on a terminal (COLUMNS overrides what the terminal says) the long
 * free-text column takes what the other columns leave and is cut with "…" only when the line would not fit; a pipe
 * and -o wide are never cut; Chinese text keeps the columns lined up, cut or not.
 */
@BkopsTest
class TableWidthTest {
    /** The error of the flaky node (template 2), as the sandbox's HTTP plugin writes it. */
    private static final String ERROR = "请求异常 request failed: HTTP 503 Service Unavailable (url: http://flaky.example.com/health)";

    TestSandbox sb;

    private String failedTask() {
        CliRun.Result created = sb.run("task", "create", "--template", "2", "--name", "flaky", "--start", "--wait");
        assertEquals(10, created.exit(), created::toString);
        return createdId(created.out());
    }

    /** stdout a terminal of {@code columns} columns; colour off so that widths are what is read. */
    private CliRun.Result onTerminal(int columns, String... args) {
        Map<String, String> env = sb.env();
        env.put("COLUMNS", String.valueOf(columns));
        env.put("NO_COLOR", "1");
        return CliRun.run(env, null, sb.sleeper(), true, args);
    }

    private static List<String> lines(CliRun.Result r) {
        assertEquals(0, r.exit(), r::toString);
        return r.out().lines().toList();
    }

    private static String failedRow(List<String> lines) {
        return lines.stream().filter(l -> l.contains("FAILED") && l.contains("调用接口")).findFirst().orElseThrow();
    }

    @Test
    void aWideTerminalShowsTheWholeErrorInsteadOfSixtyCharacters() {
        String id = failedTask();
        List<String> out = lines(onTerminal(160, "task", "status", id));
        assertTrue(failedRow(out).endsWith(ERROR), out::toString);
        out.forEach(l -> assertTrue(DisplayWidth.width(l) < 160, l));
    }

    @Test
    void an80ColumnTerminalCutsOnlyTheMessageAndKeepsEveryLineWithinIt() {
        String id = failedTask();
        List<String> out = lines(onTerminal(80, "task", "status", id));
        String row = failedRow(out);
        assertTrue(row.endsWith("…"), row);
        assertTrue(row.contains("✖ FAILED           2s       0   请求异常 request"), row); // the other columns whole
        for (String l : out) {
            assertTrue(DisplayWidth.width(l) <= 79, "wider than the terminal: " + l);
        }
        assertEquals(79, DisplayWidth.width(row), "the message takes what is left: " + row);
    }

    @Test
    void aPipeIsNeverCutForWidthWhateverColumnsSays() {
        String id = failedTask();
        Map<String, String> env = sb.env();
        env.put("COLUMNS", "80");
        List<String> out = lines(sb.run(env, "task", "status", id));
        assertTrue(failedRow(out).endsWith(ERROR), out::toString);
    }

    @Test
    void wideIsNeverCutOnATerminal() {
        String id = failedTask();
        List<String> out = lines(onTerminal(80, "task", "status", id, "-o", "wide"));
        assertTrue(failedRow(out).endsWith(ERROR), out::toString);
        String name = "发布流程：蓝鲸标准运维任务的一个非常非常长的中文名字，超过终端的宽度很多很多很多 and then some more words";
        assertEquals(0, sb.run("task", "create", "--template", "1", "--name", name).exit());
        List<String> list = lines(onTerminal(80, "task", "list", "-o", "wide"));
        assertTrue(list.stream().anyMatch(l -> l.contains(name)), list::toString);
    }

    @Test
    void chineseNamesCutToTheTerminalKeepTheColumnsLinedUp() {
        List<String> names = List.of("每日巡检 daily check", "发布流程：蓝鲸标准运维任务的一个非常非常长的中文名字，超过终端的宽度很多很多很多",
                "short");
        for (String name : names) {
            assertEquals(0, sb.run("task", "create", "--template", "1", "--name", name).exit());
        }
        List<String> out = lines(onTerminal(80, "task", "list"));
        assertTrue(out.size() > names.size(), out::toString);
        List<Integer> statusAt = new ArrayList<>();
        for (String l : out) {
            assertTrue(DisplayWidth.width(l) <= 79, "wider than the terminal: " + l);
            int i = l.startsWith(out.get(0).substring(0, 2)) ? l.indexOf("STATUS") : l.indexOf("○");
            if (i >= 0) {
                statusAt.add(DisplayWidth.width(l.substring(0, i)));
            }
        }
        assertEquals(out.size(), statusAt.size(), out::toString);
        assertEquals(1, statusAt.stream().distinct().count(), "STATUS starts at one column on every line: " + out);
        assertTrue(out.stream().anyMatch(l -> l.contains("发布流程：蓝鲸") && l.contains("…")), out::toString);
        assertFalse(out.stream().anyMatch(l -> l.contains("很多很多很多")), out::toString);
    }
}
