package bkops.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bkops.model.State;
import bkops.render.Table.Align;
import bkops.testing.Golden;
import org.junit.jupiter.api.Test;

class TableTest {

    private static Table sample() {
        return new Table()
                .column("ID", Align.RIGHT, 0, false)
                .column("NAME", Align.LEFT, 12, false)
                .column("STATE")
                .wideColumn("CREATOR")
                .row("7", "部署任务", "FINISHED", "admin")
                .row("1024", "Deploy 🚀 上线流程很长的名字", "FAILED", "欧阳娜娜")
                .row("33", "\uD842\uDFB7野家 Cafe\u0301", "RUNNING", "")
                .row("5", "한국어 🇨🇳", "", null);
    }

    @Test
    void alignsMixedWidths() {
        Golden.assertMatches("table-mixed-width.txt", sample().render());
    }

    @Test
    void wideAddsColumnsAndNoHeadersDropsTheHeaderLine() {
        Golden.assertMatches("table-mixed-width-wide-no-headers.txt", sample().wide(true).headers(false).render());
    }

    @Test
    void colouredCellsStayAligned() {
        Style ansi = Style.ANSI;
        String out = new Table().column("STATE").column("NAME")
                .row(ansi.stateLabel(State.FAILED), "a")
                .row(ansi.stateLabel(State.FINISHED), "b")
                .render();
        String[] lines = DisplayWidth.stripAnsi(out).split("\n");
        assertEquals("STATE        NAME", lines[0]);
        assertEquals("✖ FAILED     a", lines[1]);
        assertEquals("✔ FINISHED   b", lines[2]);
    }

    @Test
    void multiLineCellsBecomeOneLine() {
        assertEquals("A\nx y\n", new Table().column("A").row("x\ny").render());
    }
}
