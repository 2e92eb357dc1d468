package bkops.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorTextTest {
    @Test
    void jsonTextIsPrettyPrinted() {
        assertEquals("{\n  \"code\": 500,\n  \"message\": \"boom\"\n}",
                ErrorText.readable("{\"code\":500,\"message\":\"boom\"}"));
    }

    @Test
    void htmlIsReducedToItsTextOneBlockALine() {
        String html = "<html><head><style>p{color:red}</style></head><body><h1>502 Bad Gateway</h1>"
                + "<p>upstream &lt;job&gt; timed out<br/>try again</p><div>&amp; more&nbsp;here</div></body></html>";
        assertEquals("502 Bad Gateway\nupstream <job> timed out\ntry again\n& more here", ErrorText.readable(html));
    }

    @Test
    void plainTextIsKeptButTrimmed() {
        assertEquals("line one\nline two", ErrorText.readable("  line one\nline two\n"));
        assertEquals("a < b and c > d", ErrorText.readable("a < b and c > d"));
        assertEquals("{not json", ErrorText.readable("{not json"));
    }

    @Test
    void anObjectGivenAsJsonIsPrettyPrintedAndNullIsNothing() {
        var node = JsonNodeFactory.instance.objectNode().put("host", "10.0.0.1");
        assertEquals("{\n  \"host\": \"10.0.0.1\"\n}", ErrorText.readable(node));
        assertEquals("", ErrorText.readable(JsonNodeFactory.instance.nullNode()));
    }

    @Test
    void firstLineIsWhatATreeOrAVerdictShows() {
        assertEquals("boom", ErrorText.firstLine("{\"code\":500,\"message\":\"boom\"}"));
        assertEquals("{\"code\":500}", ErrorText.firstLine("{\"code\": 500}"));
        assertEquals("502 Bad Gateway", ErrorText.firstLine("<html><body><h1>502 Bad Gateway</h1><p>x</p></body></html>"));
        assertEquals("first line", ErrorText.firstLine("\n  first   line  \nsecond"));
        assertEquals("", ErrorText.firstLine(null));
    }
}
