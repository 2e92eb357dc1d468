package bkops.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bkops.model.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonOutputTest {

    @Test
    void prettyKeepsChineseAndUsesTwoSpaces() {
        assertEquals("""
                {
                  "name": "定时",
                  "ids": [
                    1,
                    2
                  ],
                  "empty": {},
                  "none": []
                }""", JsonOutput.pretty(Fixtures.json("{\"name\":\"定时\",\"ids\":[1,2],\"empty\":{},\"none\":[]}")));
    }

    @Test
    void prettyRoundTripsTheFixture() {
        var data = Fixtures.docData("get_task_status");
        assertEquals(data, Fixtures.json(JsonOutput.pretty(data)));
    }

    @Test
    void jsonlOneCompactObjectPerLine() {
        StringWriter s = new StringWriter();
        JsonOutput.jsonl(Fixtures.json("[{\"id\": 1, \"name\": \"任务\"}, {\"id\": 2}]"), new PrintWriter(s));
        assertEquals("{\"id\":1,\"name\":\"任务\"}\n{\"id\":2}\n", s.toString());
        s.getBuffer().setLength(0);
        JsonOutput.jsonl(Fixtures.json("{\"a\": [1]}"), new PrintWriter(s));
        assertEquals("{\"a\":[1]}\n", s.toString());
    }
}
