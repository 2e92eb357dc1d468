package bkops.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TerminalTextTest {
    @Test
    void controlCharactersAreShownNotObeyed() {
        assertEquals("a\\x1b]0;t\\x07b\\x9b6n\\x7f", TerminalText.safe("a\u001b]0;t\u0007b\u009b6n\u007f"));
        assertEquals("\\u202eevil\\u2066", TerminalText.safe("\u202eevil\u2066"));
        assertEquals("two\nlines\tand a tab, CRLF\nbut a lone \\r", TerminalText.safe("two\nlines\tand a tab, CRLF\r\nbut a lone \r"));
    }

    @Test
    void oneLineTurnsBreaksAndTabsIntoSpaces() {
        assertEquals("a b c d", TerminalText.line("a\nb\r\nc\td"));
    }

    @Test
    void cellsKeepOnlyColours() {
        assertEquals("\u001b[31m✖ FAILED\u001b[0m \\x1b[2J", TerminalText.cell("\u001b[31m✖ FAILED\u001b[0m \u001b[2J"));
        assertEquals("\\x1b[31", TerminalText.cell("\u001b[31"));
    }

    @Test
    void cleanTextIsReturnedAsItIs() {
        String s = "发布 nginx (bk_display) ✔";
        assertSame(s, TerminalText.line(s));
        assertSame(s, TerminalText.cell(s));
    }
}
