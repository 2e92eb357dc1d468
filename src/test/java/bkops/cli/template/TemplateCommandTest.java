package bkops.cli.template;

import bkops.api.Json;
import bkops.render.DisplayWidth;
import bkops.sandbox.RecordedRequest;
import bkops.sandbox.SandboxCredentials;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** template list|show|graph through both front doors against the sandbox: output, exit code and the exact requests. */
@BkopsTest
class TemplateCommandTest {
    static TestSandbox sb;

    @BeforeEach
    void clear() {
        sb.clearRequests();
    }

    private static RecordedRequest only() {
        List<RecordedRequest> r = sb.requests();
        assertEquals(1, r.size(), "one request: " + r);
        return r.get(0);
    }

    @Test
    void listThroughTheGatewaySendsTheHeaderAndPrintsAnAlignedTable() {
        CliRun.Result r = sb.run("template", "list");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith("ID") && lines[0].contains("NAME") && lines[0].contains("CATEGORY"), lines[0]);
        assertTrue(r.out().contains("线性发布 linear-deploy"));
        // CATEGORY starts at the same display column on every line, whatever the width of the Chinese names
        int col = DisplayWidth.width(lines[0].substring(0, lines[0].indexOf("CATEGORY")));
        for (String line : lines) {
            String cat = line.contains("Deploy") ? "Deploy" : line.contains("OpsTools") ? "OpsTools" : line.contains("Other") ? "Other" : null;
            if (cat != null) {
                assertEquals(col, DisplayWidth.width(line.substring(0, line.indexOf(cat))), "aligned: " + line);
            }
        }

        RecordedRequest q = only();
        assertEquals("GET", q.method());
        assertEquals("/api/bk-sops/prod/get_template_list/2/?scope=cmdb_biz", q.pathAndQuery());
        JsonNode auth = readJson(q.header("X-Bkapi-Authorization"));
        assertEquals(SandboxCredentials.APP_CODE, auth.get("bk_app_code").asText());
        assertEquals(SandboxCredentials.APP_SECRET, auth.get("bk_app_secret").asText());
        assertEquals(SandboxCredentials.USERNAME, auth.get("bk_username").asText());
        assertEquals("application/json", q.header("Accept"));
        assertTrue(q.header("User-Agent").startsWith("bkops/"));
        assertEquals("", q.body() == null ? "" : q.body());
    }

    @Test
    void listThroughEsbPutsScopeAndCredentialsInTheQueryAndNoHeader() {
        CliRun.Result r = sb.runEsb("template", "list", "-o", "id");
        assertEquals(0, r.exit(), r.toString());
        // the seeded templates 1 to 17 first (more are appended for later scenarios)
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
                "17"), List.of(r.out().split("\n")).subList(0, 17));
        RecordedRequest q = only();
        assertEquals("GET", q.method());
        assertEquals("/api/c/compapi/v2/sops/get_template_list/?bk_biz_id=2&scope=cmdb_biz&bk_app_code=bkops-sandbox"
                + "&bk_app_secret=" + SandboxCredentials.APP_SECRET + "&bk_username=admin", q.pathAndQuery());
        assertNull(q.header("X-Bkapi-Authorization"));
    }

    @Test
    void commonTemplatesAndNameFilter() {
        CliRun.Result r = sb.run("template", "list", "--common", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode data = readJson(r.out());
        assertTrue(data.isArray() && data.size() == 2, r.out());
        assertEquals("/api/bk-sops/prod/get_common_template_list/", only().pathAndQuery());

        sb.clearRequests();
        CliRun.Result f = sb.run("template", "list", "--name", "并行", "-o", "jsonl");
        assertEquals(2, f.out().strip().split("\n").length, "并行部署 and 条件并行: " + f.out());
        sb.clearRequests();
        f = sb.run("template", "list", "--name", "PARALLEL-converge", "-o", "jsonl");
        assertEquals(0, f.exit(), f.toString());
        assertEquals(1, f.out().strip().split("\n").length, f.out());
        assertEquals(7, readJson(f.out().split("\n")[0]).get("id").asInt());
        assertTrue(only().pathAndQuery().contains("name_keyword=PARALLEL-converge"), "the filter is sent to the server");
    }

    @Test
    void showDrawsConstantsAndThePipelineWithBranchesThroughBothDoors() {
        CliRun.Result r = sb.run("template", "show", "5");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Template 5  环境分支 exclusive-by-env"), r.out());
        assertTrue(r.out().contains("${env}"), "constants table");
        assertTrue(r.out().contains("├─ [prod]") && r.out().contains("└─ [test]"), "branches named by their conditions\n" + r.out());
        RecordedRequest q = only();
        assertEquals("/api/bk-sops/prod/get_template_info/5/2/?scope=cmdb_biz&template_source=project"
                + "&unfold_subprocess=true", q.pathAndQuery());

        sb.clearRequests();
        CliRun.Result e = sb.runEsb("template", "show", "5", "-o", "json");
        assertEquals(0, e.exit(), e.toString());
        assertEquals(5, readJson(e.out()).get("id").asInt());
        assertTrue(only().pathAndQuery().startsWith("/api/c/compapi/v2/sops/get_template_info/?bk_biz_id=2&scope=cmdb_biz"
                + "&template_id=5&template_source=project"), only().pathAndQuery());
    }

    @Test
    void showNestsTheSubprocessAndWideAddsIds() {
        CliRun.Result r = sb.run("template", "show", "9", "-o", "wide");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("(template 1)"), r.out());
        assertTrue(r.out().contains("   □ 部署 deploy"), "subprocess nodes indented under it\n" + r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(".*\\bn[0-9a-f]{31}\\s*$")), "ids column\n" + r.out());
    }

    @Test
    void graphAsDotAndMermaid() {
        CliRun.Result dot = sb.run("template", "graph", "7");
        assertEquals(0, dot.exit(), dot.toString());
        assertTrue(dot.out().startsWith("digraph"), dot.out());
        CliRun.Result mm = sb.run("template", "graph", "7", "-o", "mermaid");
        assertEquals(0, mm.exit(), mm.toString());
        assertTrue(mm.out().startsWith("flowchart"), mm.out());
        CliRun.Result bad = sb.run("template", "graph", "7", "-o", "table");
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("choose one of: dot, mermaid"), bad.err());
    }

    @Test
    void unknownTemplateIsNotFoundWithTheServersCodeAndRequestId() {
        CliRun.Result r = sb.run("template", "show", "999");
        assertEquals(5, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().matches("(?s)bkops: show template 999: .*does not exist \\[code 3540400, request id [0-9a-f-]{36}]\\n"), r.err());
    }

    private static JsonNode readJson(String s) {
        try {
            return Json.read(s);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }
}
