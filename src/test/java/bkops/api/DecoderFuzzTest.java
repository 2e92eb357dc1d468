package bkops.api;

import bkops.model.PipelineTree;
import bkops.model.TaskStatus;
import bkops.model.Template;
import bkops.render.GraphRenderer;
import bkops.render.JsonOutput;
import bkops.render.StatusTreeRenderer;
import bkops.render.Style;
import bkops.render.TemplateRenderer;
import bkops.render.YamlWriter;
import bkops.testing.BkopsTest;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import bkops.sandbox.SandboxCredentials;
import java.time.Duration;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Mutated versions of every verbatim payload go through the decoding and rendering path. The only thing allowed to
 * come out is a clean {@link ApiException}; any other exception would reach the operator as an internal error.
 */
@BkopsTest
class DecoderFuzzTest {
    private static final int MUTATIONS_PER_FILE = 80;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    TestSandbox sb;

    /** The sandbox's own answers: templates, a task's detail and its status while it runs. */
    private Map<String, byte[]> sandboxPayloads() {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        try (ApiClient c = new ApiClient(new ClientConfig(sb.sandbox().sopsGatewayUrl(), null, FrontDoor.APIGW, "2",
                     "cmdb_biz", new Credentials(SandboxCredentials.APP_CODE, SandboxCredentials.APP_SECRET,
                     SandboxCredentials.USERNAME, null, null), Duration.ofSeconds(5), Duration.ofSeconds(10), 0, false,
                     null, ClientConfig.Trace.NONE))) {
            for (String t : List.of("2", "5", "7", "9")) {
                out.put("template " + t, raw(c.call(Endpoints.GET_TEMPLATE_INFO,
                        Map.of("template_id", t, "unfold_subprocess", "true"), "x")));
                String task = c.data(Endpoints.CREATE_TASK, Map.of("template_id", t, "name", "fuzz " + t), "x")
                        .path("task_id").asText();
                c.call(Endpoints.START_TASK, Map.of("task_id", task), "x");
                sb.advance(Duration.ofSeconds(3));
                out.put("status " + t, raw(c.call(Endpoints.GET_TASK_STATUS, Map.of("task_id", task, "with_ex_data", "1"), "x")));
                out.put("detail " + t, raw(c.call(Endpoints.GET_TASK_DETAIL, Map.of("task_id", task), "x")));
            }
        }
        return out;
    }

    private static byte[] raw(JsonNode n) {
        return JsonOutput.compact(n).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void mutatedPayloadsDecodeRenderOrFailCleanly() throws IOException {
        Map<String, byte[]> payloads = new java.util.LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/fixtures"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".txt"))
                    .filter(p -> !p.getFileName().toString().equals("SOURCES.txt")).sorted().toList()) {
                payloads.put(p.toString(), Files.readAllBytes(p));
            }
        }
        assertTrue(payloads.size() > 50, "fixtures present");
        payloads.putAll(sandboxPayloads());
        Random rnd = new Random(20261125);
        int decoded = 0;
        int refused = 0;
        for (Map.Entry<String, byte[]> entry : payloads.entrySet()) {
            String f = entry.getKey();
            byte[] original = entry.getValue();
            for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
                byte[] mutated = mutate(original, rnd);
                try {
                    exercise(mutated);
                    decoded++;
                } catch (ApiException clean) {
                    assertFalse(clean.getMessage().contains("\n"), "one line: " + clean.getMessage());
                    refused++;
                } catch (RuntimeException | StackOverflowError bug) {
                    fail("mutation " + i + " of " + f + " escaped as " + bug + "\n"
                            + new String(mutated, StandardCharsets.UTF_8), bug);
                }
            }
        }
        assertTrue(decoded > 1000 && refused > 1000, "both paths exercised: " + decoded + " decoded, " + refused + " refused");
    }

    private static void exercise(byte[] body) {
        var r = new Transport.RawResponse(200, HttpHeaders.of(Map.of(), (a, b) -> true), body, 1);
        JsonNode whole = Envelope.decode(Endpoints.GET_TASK_DETAIL, r, "fuzz");
        JsonNode data = Envelope.data(whole);
        StringWriter sink = new StringWriter();
        PrintWriter out = new PrintWriter(sink);
        JsonOutput.pretty(data, out);
        YamlWriter.write(data, out);
        for (JsonNode tree : findAll(data, "pipeline_tree")) {
            if (tree.isObject()) {
                PipelineTree p = PipelineTree.parse(tree);
                GraphRenderer.dot(p, null);
                GraphRenderer.mermaid(p, null);
                if (data.isObject()) {
                    new TemplateRenderer(Style.PLAIN, true).show(Template.parse(data), out);
                }
                new StatusTreeRenderer(Style.PLAIN, true).render("fuzz", p, TaskStatus.parse(data), out);
            }
        }
        if (data.isObject() && (data.has("state") || data.has("children"))) {
            TaskStatus s = TaskStatus.parse(data);
            PipelineTree empty = PipelineTree.parse(F.objectNode());
            new StatusTreeRenderer(Style.PLAIN, false).render(null, empty, s, out);
        }
        out.flush();
    }

    private static List<JsonNode> findAll(JsonNode n, String field) {
        List<JsonNode> found = new ArrayList<>();
        if (n == null) return found;
        if (n.has(field)) found.add(n.get(field));
        n.forEach(c -> found.addAll(findAll(c, field)));
        return found;
    }

    /** Byte-level damage or a structural change of one random node. */
    private static byte[] mutate(byte[] original, Random rnd) {
        int how = rnd.nextInt(6);
        if (how == 0) {
            return java.util.Arrays.copyOf(original, rnd.nextInt(Math.max(1, original.length)));
        }
        if (how == 1) {
            byte[] b = original.clone();
            for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            }
            return b;
        }
        try {
            JsonNode tree = Json.mapper().readTree(original);
            List<JsonNode> containers = new ArrayList<>();
            collect(tree, containers);
            if (containers.isEmpty()) {
                return original;
            }
            JsonNode target = containers.get(rnd.nextInt(containers.size()));
            JsonNode replacement = switch (rnd.nextInt(7)) {
                case 0 -> F.nullNode();
                case 1 -> F.numberNode(rnd.nextInt(1000) - 500);
                case 2 -> F.textNode(rnd.nextBoolean() ? "" : "<html>x</html>");
                case 3 -> F.arrayNode().add(F.objectNode());
                case 4 -> F.objectNode().put("id", "n" + rnd.nextInt(99));
                case 5 -> F.booleanNode(rnd.nextBoolean());
                default -> F.textNode("中文🚀\u0301\u200d");
            };
            if (target instanceof ObjectNode o && o.size() > 0) {
                Iterator<String> names = o.fieldNames();
                List<String> keys = new ArrayList<>();
                names.forEachRemaining(keys::add);
                String key = keys.get(rnd.nextInt(keys.size()));
                if (how == 2) o.remove(key); else o.set(key, replacement);
            } else if (target instanceof ArrayNode a && a.size() > 0) {
                int idx = rnd.nextInt(a.size());
                if (how == 2) a.remove(idx); else a.set(idx, replacement);
            }
            return Json.mapper().writeValueAsBytes(tree);
        } catch (IOException notJson) {
            return original;
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(c -> collect(c, out));
        }
    }
}
