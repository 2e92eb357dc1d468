package bkops.cli.task;

import bkops.render.DisplayWidth;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static bkops.cli.task.TaskTesting.createdId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * task watch on a terminal smaller than the tree (issue 13 item 15): every frame is redrawn within the screen, so the
 * cursor always gets back to the frame's first line and nothing piles up in the scrollback. The terminal's size comes
 * from COLUMNS/LINES, as CliContext's TerminalSize reads them.
 */
@BkopsTest
class WatchScreenTest {
    /** The cursor going back up over the previous frame: "\r ESC [ n A". */
    private static final Pattern UP = Pattern.compile("\r\u001b\\[(\\d+)A");

    TestSandbox sb;

    private String started(String template) {
        CliRun.Result r = sb.run("task", "create", "--template", template, "--name", "screen 屏幕", "--start");
        assertEquals(0, r.exit(), r::toString);
        return createdId(r.out());
    }

    private CliRun.Result watch(String task, int columns, int lines, String... more) {
        Map<String, String> env = sb.env();
        env.put("COLUMNS", String.valueOf(columns));
        env.put("LINES", String.valueOf(lines));
        env.put("CLICOLOR_FORCE", "1");
        List<String> args = new ArrayList<>(List.of("task", "watch", task));
        args.addAll(List.of(more));
        return CliRun.run(env, null, sb.sleeper(), true, args.toArray(String[]::new));
    }

    /** The frames as drawn: the text between two cursor movements, each cut into its lines. */
    private static List<List<String>> frames(String out) {
        List<List<String>> frames = new ArrayList<>();
        Matcher m = UP.matcher(out);
        int from = 0;
        List<Integer> ups = new ArrayList<>();
        while (m.find()) {
            frames.add(lines(out.substring(from, m.start())));
            ups.add(Integer.parseInt(m.group(1)));
            from = m.end();
        }
        frames.add(lines(out.substring(from)));
        for (int i = 0; i < ups.size(); i++) {
            assertEquals(frames.get(i).size(), ups.get(i), "the cursor goes back up exactly over the frame before");
        }
        return frames;
    }

    private static List<String> lines(String frame) {
        String text = frame.replace("\u001b[J", "");
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        assertEquals("", out.remove(out.size() - 1), "a frame ends with a newline: " + frame);
        return out;
    }

    @Test
    void theLargeTemplateOnAn80By24TerminalStaysWithinTheScreen() {
        String task = started("11");
        sb.advance(Duration.ofSeconds(30));
        CliRun.Result r = watch(task, 80, 24, "--timeout", "2m");
        assertEquals(124, r.exit(), r::toString);
        List<List<String>> frames = frames(r.out());
        assertTrue(frames.size() >= 5, "several redraws: " + frames.size());
        for (List<String> frame : frames) {
            // 23 lines at most: the cursor rests on the line under the last one, which must still be on the screen.
            assertTrue(frame.size() <= 23, frame.size() + " lines:\n" + String.join("\n", frame));
            for (String line : frame) {
                String text = line.replace("\u001b[K", "");
                assertTrue(DisplayWidth.width(text) < 80, "never wraps: " + DisplayWidth.stripAnsi(text));
            }
        }
        List<String> first = frames.get(0);
        assertTrue(DisplayWidth.stripAnsi(first.get(0)).startsWith("screen 屏幕   ● RUNNING"), first.get(0));
        assertTrue(DisplayWidth.stripAnsi(first.get(1)).matches("\\d+ nodes: .*● RUNNING.*"), first.get(1));
        assertTrue(first.stream().anyMatch(l -> DisplayWidth.stripAnsi(l).matches("… \\d+ more nodes .*")),
                String.join("\n", first));
        assertTrue(String.join("\n", frames.get(frames.size() - 2)).contains("watching for"));
        assertFalse(String.join("\n", frames.get(frames.size() - 1)).contains("watching for"),
                "once the watch is over its footer is gone");
    }

    /**
     * Issue 16: the footer ("watching for ... · Ctrl-C stops watching") goes with the watch however it ends, not only
     * at the deadline: the last frame is the tree alone (WaitRun's finally: LiveView.end).
     */
    @Test
    void theFooterIsGoneWhenTheTaskFailsAndAfterCtrlC() {
        String task = started("2"); // its flaky node fails on the first run
        CliRun.Result failed = watch(task, 100, 40, "--interval", "10s");
        assertEquals(10, failed.exit(), failed::toString);
        assertFooterGoneAtTheEnd(failed, "FAILED");

        String other = started("1"); // three nodes in a row: still running at the first pause
        Map<String, String> env = sb.env();
        env.put("COLUMNS", "100");
        env.put("LINES", "40");
        int[] sleeps = {0};
        CliRun.Result stopped = CliRun.run(env, null, d -> {
            if (++sleeps[0] == 1) {
                throw new InterruptedException(); // Ctrl-C during the first pause between polls
            }
            sb.advance(d);
        }, true, "task", "watch", other);
        assertEquals(130, stopped.exit(), stopped::toString);
        assertFooterGoneAtTheEnd(stopped, "RUNNING");
    }

    private static void assertFooterGoneAtTheEnd(CliRun.Result r, String state) {
        List<List<String>> frames = frames(r.out());
        assertTrue(frames.size() >= 2, "drawn, then drawn again without its footer:\n" + r.out());
        String beforeEnd = DisplayWidth.stripAnsi(String.join("\n", frames.get(frames.size() - 2)));
        String last = DisplayWidth.stripAnsi(String.join("\n", frames.get(frames.size() - 1)));
        assertTrue(beforeEnd.contains("watching for"), beforeEnd);
        assertFalse(last.contains("watching for") || last.contains("Ctrl-C"), "the footer stayed on screen:\n" + last);
        assertTrue(last.contains(state), "the tree stays, footer aside:\n" + last);
    }

    @Test
    void aTreeThatFitsIsDrawnWholeAndCutToANarrowWidth() {
        String task = started("1");
        CliRun.Result r = watch(task, 30, 40, "--interval", "10s");
        assertEquals(0, r.exit(), r::toString);
        List<List<String>> frames = frames(r.out());
        for (List<String> frame : frames) {
            assertFalse(frame.stream().anyMatch(l -> DisplayWidth.stripAnsi(l).contains("more nodes")), "whole");
            for (String line : frame) {
                assertTrue(DisplayWidth.width(line) < 30, "cut to the width: " + DisplayWidth.stripAnsi(line));
            }
        }
        assertTrue(frames.get(0).stream().anyMatch(l -> DisplayWidth.stripAnsi(l).contains("准备 prep")),
                String.join("\n", frames.get(0)));
    }
}
