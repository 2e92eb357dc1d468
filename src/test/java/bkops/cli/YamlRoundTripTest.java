package bkops.cli;

import bkops.render.YamlWriter;
import bkops.testing.CliRun;
import bkops.testing.ScriptedServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * -o yaml reads back as exactly the data the server sent, for every string, as a value and as a key: by SnakeYAML, a
 * YAML 1.1 reader (yes/no/on/off/y/n are booleans, {@code <<} a merge, {@code =} a value key, U+0085, U+2028 and
 * U+2029 line breaks), and by Jackson's YAML reader.
 */
class YamlRoundTripTest {
    @TempDir
    Path home;

    /** Strings that a naive writer leaves plain or puts in a block, and a reader then misreads. */
    static List<String> tricky() {
        List<String> s = new ArrayList<>(List.of(
                "=", "<<", "\u0085", "\u2028", "\u2029", "a\u0085b", "a\u2028b", "a\u2029b",
                "line one\nline\u2028two\n", "first\nsecond\u0085third", "x\u2029\ny",
                "yes", "no", "on", "off", "y", "n", "Y", "N", "Yes", "NO", "On", "OFF", "true", "False", "TRUE",
                "~", "null", "Null", "NULL", "",
                "1", "-1", "+1", "0x1F", "0o17", "0b101", "1_000", "190:20:30", "1e3", ".5", "1.", ".inf", "-.Inf",
                ".NaN", "2026-11-25", "2026-11-25T02:00:00Z", "12:30", "0777", "+.5",
                "-", "- x", "?", "? x", ":", ": x", "#", "#c", "a #b", "a: b", "a:", "[", "]", "{", "}", ",", "&a",
                "*a", "!t", "|", ">", "'", "\"", "%", "@", "`", "a,b", "a]b", "a: ", "a:\tb",
                " lead", "trail ", "\t", "tab\tin", "\n", "\n\n", "a\n", "a\n\n", " a\nb", "a\n b", "a\r\nb", "\r",
                "a\n\tb", "a \nb", "a\n \n", "\ta\nb",
                "\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0080", "\u009b", "\ufeff", "\ufffe", "\uffff",
                "😀 emoji", "a\u00a0", "\u00a0lead", "\u3000全角", "\u202eabc",
                "---", "...", "--- x", "... x", "a\n---\nb", "a\n...\nb", "---\n", "...\n",
                "发布 nginx", "${var}", "plain text"));
        s.add("long ".repeat(300));
        return s;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The data a hostile get_task_detail answers: each string as a value, in a list, and as a key. */
    private static ObjectNode detail() {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("id", 5);
        d.put("name", "yes");
        ArrayNode values = d.putArray("values");
        ObjectNode keys = d.putObject("keys");
        int i = 0;
        for (String s : tricky()) {
            values.add(s);
            keys.put(s, i++);
        }
        ObjectNode nested = d.putObject("nested");
        nested.putArray("<<").addObject().put("=", "\u2028");
        // keys too long to be implicit: first in a list item, and with a mapping as their value
        values.addObject().put("key ".repeat(300), "on");
        d.putObject("key ".repeat(260)).put("y", "n");
        return d;
    }

    private static void assertReadsBack(JsonNode expected, String yaml) throws Exception {
        LoaderOptions opts = new LoaderOptions();
        opts.setCodePointLimit(50 * 1024 * 1024);
        Object snake = new Yaml(opts).load(yaml);
        assertEquals(JSON.convertValue(expected, Object.class), snake, "SnakeYAML (YAML 1.1) reads it back:\n" + yaml);
        assertEquals(expected, new YAMLMapper().readTree(yaml), "Jackson's YAML reader reads it back:\n" + yaml);
    }

    @Test
    void everyStringRoundTripsThroughTaskShowYaml() throws Exception {
        ObjectNode d = detail();
        try (ScriptedServer server = ScriptedServer.start()) {
            server.on("get_task_detail", 200, "{\"result\":true,\"code\":0,\"data\":" + JSON.writeValueAsString(d) + "}");
            CliRun.Result r = CliRun.run(server.env(home), "task", "show", "5", "-o", "yaml");
            assertEquals(0, r.exit(), r.toString());
            assertReadsBack(d, r.out());
        }
    }

    @Test
    void aStringAloneRoundTripsToo() throws Exception {
        for (String s : tricky()) {
            JsonNode n = JsonNodeFactory.instance.textNode(s);
            assertReadsBack(n, YamlWriter.write(n));
        }
    }
}
