package bkops.cli.node;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureTextTest {
    @Test
    void jsonTextIsPrettyPrinted() {
        assertEquals("{\n  \"code\": 500,\n  \"message\": \"boom\"\n}",
                FailureText.readable("{\"code\":500,\"message\":\"boom\"}"));
    }

    @Test
    void htmlIsReducedToItsTextOneBlockALine() {
        String html = "<html><head><style>p{color:red}</style></head><body><h1>502 Bad Gateway</h1>"
                + "<p>upstream &lt;job&gt; timed out<br/>try again</p><div>&amp; more&nbsp;here</div></body></html>";
        assertEquals("502 Bad Gateway\nupstream <job> timed out\ntry again\n& more here", FailureText.readable(html));
    }

    @Test
    void plainTextIsKeptButTrimmed() {
        assertEquals("line one\nline two", FailureText.readable("  line one\nline two\n"));
        assertEquals("a < b and c > d", FailureText.readable("a < b and c > d"));
        assertEquals("{not json", FailureText.readable("{not json"));
    }

    @Test
    void anObjectGivenAsJsonIsPrettyPrintedAndNullIsNothing() {
        var node = JsonNodeFactory.instance.objectNode().put("host", "10.0.0.1");
        assertEquals("{\n  \"host\": \"10.0.0.1\"\n}", FailureText.readable(node));
        assertEquals("", FailureText.readable(JsonNodeFactory.instance.nullNode()));
    }
}
