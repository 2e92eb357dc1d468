package bkops.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Json reads and writes without an ObjectMapper (start-up, issue 17): what it gives must be exactly what the
 * ObjectMapper gave before, node types included (an int read as a long would compare unequal and render differently).
 */
class JsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final List<String> DOCUMENTS = List.of(
            "{\"result\":true,\"code\":0,\"data\":{\"id\":\"n1\",\"children\":{}}}",
            "{}", "[]", "[1,[2,[3,{\"a\":[]}]]]", "  {\"a\" : 1 }  ",
            // numbers by size, floats, exponents, negative zero
            "{\"i\":2147483647,\"j\":2147483648,\"k\":-9223372036854775808,\"big\":123456789012345678901234567890,"
                    + "\"f\":1.5,\"e\":1e400,\"g\":-0.0,\"h\":3E-5,\"z\":0}",
            // a repeated key keeps its first place and its last value
            "{\"a\":1,\"b\":2,\"a\":{\"x\":[true,false,null]}}",
            // strings: escapes, non-ASCII, surrogate pairs, an escaped NUL
            "{\"s\":\"\\u4e2d\\u6587 中文 \\ud83d\\ude80 \\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u0000\"}",
            // scalar documents
            "123", "-7.25", "\"text\"", "true", "null",
            // no content at all
            "", "   \n\t ",
            // trailing content after the first value is not read (the ObjectMapper does not check it by default)
            "{\"a\":1} trailing", "[1] [2]", "{\"a\":1}}");

    private static final List<String> BROKEN = List.of(
            "{\"result\":true,\"data\":{\"id\":", "[1,2", "{\"a\" 1}", "{'a':1}", "<html>", "tru", "{\"a\":01}",
            "\"unterminated", "{\"a\":1,}", "[1,]", "nul");

    @Test
    void readsEveryDocumentAsTheObjectMapperDoes() throws IOException {
        for (String doc : DOCUMENTS) {
            JsonNode expected = MAPPER.readTree(doc);
            assertSame(expected, Json.read(doc), doc);
            assertSame(MAPPER.readTree(doc.getBytes(StandardCharsets.UTF_8)),
                    Json.read(doc.getBytes(StandardCharsets.UTF_8)), doc);
        }
    }

    @Test
    void refusesWhatTheObjectMapperRefuses() {
        for (String doc : BROKEN) {
            assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(doc), doc);
            assertThrows(JsonProcessingException.class, () -> Json.read(doc), doc);
            assertThrows(IOException.class, () -> Json.read(doc.getBytes(StandardCharsets.UTF_8)), doc);
        }
    }

    @Test
    void deepNestingIsRefusedByTheSameLimit() {
        String deep = "[".repeat(1001) + "]".repeat(1001);
        assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(deep));
        assertThrows(JsonProcessingException.class, () -> Json.read(deep));
        String fine = "[".repeat(1000) + "]".repeat(1000);
        assertSame(assertDoesNotThrow(fine), readOrFail(fine), "1000 levels");
    }

    @Test
    void writesPlainValuesAsTheObjectMapperDoes() throws JsonProcessingException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("bk_app_code", "bkops-sandbox");
        fields.put("bk_username", "管理员 \"admin\"\n\t\u0001\u007f\u2028 🚀 </script>");
        fields.put("bk_biz_id", 2);
        fields.put("task_id", 10001L);
        fields.put("ratio", 0.1);
        fields.put("huge", new BigInteger("123456789012345678901234567890"));
        fields.put("exact", new BigDecimal("1.50"));
        fields.put("nothing", null);
        fields.put("on", true);
        fields.put("ids", List.of(1, 2, 3));
        fields.put("set", new TreeSet<>(List.of("b", "a")));
        fields.put("nested", Map.of("k", List.of(Map.of("x", "y"))));
        fields.put("empty", new ArrayList<>());
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("s", "v\"").put("i", 1).put("l", 5_000_000_000L).put("d", 2.5).put("b", false).putNull("n");
        tree.put("big", new BigInteger("99999999999999999999")).put("dec", new BigDecimal("0.10"));
        tree.putArray("a").add(1).add("two").addObject().put("three", 3);
        fields.put("tree", tree);
        for (Object value : Arrays.asList(fields, tree, List.of(fields, tree), "x", 3, null, Map.of())) {
            assertEquals(MAPPER.writeValueAsString(value), Json.write(value), String.valueOf(value));
        }
    }

    @Test
    void otherValuesStillGoThroughTheObjectMapper() throws JsonProcessingException {
        record Cron(String minute, int hour) {}
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cron", new Cron("*/5", 3));
        body.put("kind", Thread.State.NEW);
        body.put("chars", new char[] {'a'});
        body.put("float", 1.5f);
        Map<Object, Object> numericKeys = new LinkedHashMap<>();
        numericKeys.put(1, "one");
        for (Object value : List.of(body, numericKeys, new Cron("0", 1))) {
            assertEquals(MAPPER.writeValueAsString(value), Json.write(value), String.valueOf(value));
        }
    }

    /** Equal trees of the same node classes, all the way down. */
    private static void assertSame(JsonNode expected, JsonNode actual, String doc) {
        assertEquals(expected, actual, doc);
        assertEquals(expected.getClass(), actual.getClass(), doc + ": node class");
        if (expected.isContainerNode()) {
            List<String> names = new ArrayList<>();
            expected.fieldNames().forEachRemaining(names::add);
            List<String> actualNames = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualNames::add);
            assertEquals(names, actualNames, doc + ": key order");
            for (int i = 0; i < expected.size(); i++) {
                JsonNode e = expected.isArray() ? expected.get(i) : expected.get(names.get(i));
                JsonNode a = actual.isArray() ? actual.get(i) : actual.get(names.get(i));
                assertSame(e, a, doc);
            }
        }
    }

    private static JsonNode assertDoesNotThrow(String doc) {
        try {
            return MAPPER.readTree(doc);
        } catch (JsonProcessingException e) {
            throw new AssertionError(doc, e);
        }
    }

    private static JsonNode readOrFail(String doc) {
        try {
            return Json.read(doc);
        } catch (JsonProcessingException e) {
            throw new AssertionError(doc, e);
        }
    }
}
