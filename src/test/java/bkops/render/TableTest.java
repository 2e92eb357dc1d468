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

    @Test
    void aFittedTableCutsItsWidestFreeColumnFirstAndOnlyWhenItMust() {
        Table t = new Table().column("ID").freeColumn("NAME").freeColumn("MESSAGE")
                .row("1", "部署任务流程", "a long message that does not fit in the terminal at all");
        assertEquals("ID   NAME           MESSAGE\n1    部署任务流程   a long message that does not fit in the terminal at all\n",
                t.render(), "not fitted: never cut");
        String fitted = t.fit(40).render();
        assertEquals("ID   NAME           MESSAGE\n1    部署任务流程   a long message tha…\n", fitted);
        assertEquals(39, DisplayWidth.width(fitted.lines().toList().get(1)), "one column short of the terminal");
        assertEquals(t.fit(0).render(), t.fit(40).wide(true).render(), "wide: never cut");
    }
}
