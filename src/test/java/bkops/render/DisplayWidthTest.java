package bkops.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DisplayWidthTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "abc|3",
            "欧阳娜娜|8",
            "数据同步-0|10",
            "（测试）：完成。|16",
            "ＡＢＣ１２３|12",
            "ｶﾀｶﾅ|4",
            "\uD842\uDFB7野家|6",          // 𠮷 (Ext-B, surrogate pair)
            "\uD87E\uDC00|2",              // CJK compatibility supplement, plane 2
            "\uD880\uDC00\uD880\uDC01|4",  // plane 3 (Ext G)
            "한국어|6",
            "\u1112\u1161\u11AB|2",        // decomposed jamo 한
            "Cafe\u0301|4",                // combining acute
            "🚀部署|6",
            "👨\u200D👩\u200D👧\u200D👦|2",  // ZWJ family
            "🇨🇳|2",
            "🇨🇳🇯🇵|4",
            "👍🏽|2",                       // skin-tone modifier
            "❤\uFE0F|2",                   // VS16 emoji presentation
            "±①…“”|5",                     // ambiguous counted narrow
            "a\u200Bb|2",
            "''|0",
    })
    void width(String s, int expected) {
        assertEquals(expected, DisplayWidth.width(s));
    }

    @Test
    void ansiEscapesTakeNoColumns() {
        // Kept out of the CSV table: its parser trims control characters.
        assertEquals(4, DisplayWidth.width("\u001B[31m失败\u001B[0m"));
        assertEquals(4, DisplayWidth.width("\u001B]8;;http://x\u0007link\u001B]8;;\u0007"));
    }

    @Test
    void padCountsColumnsNotChars() {
        assertEquals("定时  |", DisplayWidth.pad("定时", 6) + "|");
        assertEquals("  定时|", DisplayWidth.padStart("定时", 6) + "|");
        assertEquals("定时任务|", DisplayWidth.pad("定时任务", 4) + "|");
    }

    @Test
    void truncateKeepsClustersWhole() {
        assertEquals("部署...", DisplayWidth.truncate("部署任务流程", 8));
        assertEquals("部...", DisplayWidth.truncate("部署任务流程", 6)); // 3 cols left: a wide char does not fit twice
        assertEquals("ab...", DisplayWidth.truncate("ab👨\u200D👩\u200D👧tail", 6));
        assertEquals("ab👨\u200D👩\u200D👧...", DisplayWidth.truncate("ab👨\u200D👩\u200D👧tail", 7));
        assertEquals("Cafe\u0301...", DisplayWidth.truncate("Cafe\u0301 au lait", 7));
        assertEquals("short", DisplayWidth.truncate("short", 5));
        assertEquals("ab", DisplayWidth.truncate("abcdef", 2));
    }

    @Test
    void truncateClosesColour() {
        String cut = DisplayWidth.truncate("\u001B[31m失败的节点\u001B[0m", 7);
        assertEquals("\u001B[31m失败...\u001B[0m", cut);
        assertEquals(7, DisplayWidth.width(cut));
    }

    @Test
    void stripAnsi() {
        assertEquals("ok", DisplayWidth.stripAnsi("\u001B[1;32mok\u001B[0m"));
    }
}
