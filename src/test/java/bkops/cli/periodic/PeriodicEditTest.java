package bkops.cli.periodic;

import bkops.api.Json;
import bkops.sandbox.RecordedRequest;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.Golden;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** show, cron, constants and the dry runs, against the sandbox. */
@BkopsTest
class PeriodicEditTest {
    @TempDir
    Path dir;
    TestSandbox sb;
    String id;

    @BeforeEach
    void start() {
        id = ok("periodic", "create", "--template", "5", "--name", "nightly 夜间", "--cron", "30 2 * * *",
                "--const", "env=test", "-o", "id").out().strip();
        sb.clearRequests();
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result r = sb.run(args);
        assertEquals(0, r.exit(), r::toString);
        return r;
    }

    private List<RecordedRequest> posts() {
        return sb.requests().stream().filter(r -> r.method().equals("POST")).toList();
    }

    @Test
    void showDrawsScheduleNextRunsConstantsAndPipeline() throws IOException {
        CliRun.Result r = ok("periodic", "show", id, "--next", "3", "--from", "2026-11-30T23:00");
        golden("show.txt", r.out());
        assertEquals("", r.err());

        JsonNode json = Json.read(ok("periodic", "show", id, "-o", "json").out());
        assertEquals("30 2 * * * (m/h/d/dM/MY) Asia/Shanghai", json.get("cron").asText());
        assertTrue(json.has("pipeline_tree"));
    }

    @Test
    void wideListAddsTemplateCreatorMeaningAndTheServersString() throws IOException {
        ok("periodic", "create", "--template", "101", "--common", "--name", "health 健康检查", "--cron", "*/30 * * * *");
        golden("list-wide.txt", ok("periodic", "list", "-o", "wide").out());
    }

    @Test
    void cronShowsTheNewScheduleThenSendsTheObject() throws IOException {
        CliRun.Result r = ok("periodic", "cron", id, "*/15 9-17 * * MON-FRI", "--next", "3", "--from", "2026-11-27T17:40");
        assertEquals("periodic task " + id + ": cron 30 2 * * * → */15 9-17 * * MON-FRI (Asia/Shanghai)\n", r.out());
        assertEquals("""
                Schedule  */15 9-17 * * MON-FRI  (Asia/Shanghai)
                  every 15 minutes during hour 09 through 17, on Monday through Friday
                Next 3 runs after 2026-11-27 17:40 Fri +08:00
                  2026-11-27 17:45 Fri +08:00
                  2026-11-30 09:00 Mon +08:00
                  2026-11-30 09:15 Mon +08:00
                acting on profile sandbox (%s)
                """.formatted(sb.sandbox().sopsGatewayUrl()), r.err());
        List<RecordedRequest> posts = posts();
        assertEquals(1, posts.size());
        assertTrue(posts.get(0).pathAndQuery().contains("/modify_cron_for_periodic_task/" + id + "/2/"));
        assertEquals(Json.read("{\"minute\":\"*/15\",\"hour\":\"9-17\",\"day_of_week\":\"1-5\",\"day_of_month\":\"*\","
                + "\"month_of_year\":\"*\"}"), Json.read(posts.get(0).body()).get("cron"));
        assertTrue(ok("periodic", "list").out().contains("*/15 9-17 * * 1-5 Asia/Shanghai"));
    }

    @Test
    void cronAcceptsTheFieldsAsSeparateWordsAndDryRunSendsNothing() {
        CliRun.Result r = ok("periodic", "cron", id, "0", "3", "*", "*", "1", "--dry-run", "--next", "1", "--from", "2026-11-25T10:00");
        assertEquals("""
                Schedule  0 3 * * 1  (Asia/Shanghai)
                  at 03:00, on Monday
                Next 1 run after 2026-11-25 10:00 Wed +08:00
                  2026-11-30 03:00 Mon +08:00

                dry run: would POST modify_cron_for_periodic_task with {"cron": {"minute":"0","hour":"3","day_of_week":"1","day_of_month":"*","month_of_year":"*"}}
                periodic task %s: would change cron 30 2 * * * → 0 3 * * 1 (Asia/Shanghai)
                """.formatted(id), r.out());
        assertEquals(List.of(), posts());
    }

    @Test
    void bothDayFieldsRestrictedIsRefusedUnlessTheServersMeaningIsAccepted() {
        CliRun.Result refused = sb.run("periodic", "cron", id, "0 0 13 * FRI", "--next", "0");
        assertEquals(2, refused.exit(), refused::toString);
        assertTrue(refused.err().contains("standard cron runs on days matching EITHER, but Standard OPS's scheduler "
                + "(Celery crontab) runs only on days matching BOTH; pass --both-days"), refused.err());
        assertEquals(List.of(), posts(), "nothing sent");

        CliRun.Result r = ok("periodic", "cron", id, "0 0 13 * FRI", "--both-days", "--next", "2",
                "--from", "2026-11-25T00:00");
        assertEquals(1, posts().size());
        // the preview shows the server's days: Friday the 13th only
        assertTrue(r.err().contains("2027-08-13 00:00 Fri") && r.err().contains("2028-10-13 00:00 Fri"), r.err());
    }

    @Test
    void constantsShowOldToNewAndRefuseKeysTheTaskLacks() throws IOException {
        CliRun.Result bad = sb.run("periodic", "constants", id, "--set", "env=prod", "--set", "region=sh");
        assertEquals(2, bad.exit(), bad::toString);
        assertEquals("bkops: periodic task " + id + " has no constant ${region}; its constants: ${env}\n", bad.err());
        assertEquals(List.of(), posts());

        CliRun.Result r = ok("periodic", "constants", id, "--set", "${env}=prod");
        assertEquals("KEY      OLD        NEW\n${env}   test   →   prod\n", r.out());
        assertEquals(Json.read("{\"${env}\":\"prod\"}"), Json.read(posts().get(0).body()).get("constants"));
        assertTrue(ok("periodic", "show", id, "--next", "0").out().contains("${env}   环境 env   prod    yes"));
    }

    @Test
    void createDryRunShowsDaylightSavingAndTheBodyWithoutSending() {
        CliRun.Result r = ok("periodic", "create", "--template", "1", "--name", "dst", "--cron", "30 1,2 * * SUN",
                "--zone", "America/New_York", "--from", "2026-10-31T12:00", "--next", "3", "--dry-run");
        assertTrue(r.out().startsWith("""
                Schedule  30 1,2 * * SUN  (America/New_York)
                  at 01:30 and 02:30, on Sunday
                Next 3 runs after 2026-10-31 12:00 Sat -04:00
                  2026-11-01 01:30 Sun -04:00
                  2026-11-01 01:30 Sun -05:00  again: the clocks go back over this hour
                  2026-11-01 02:30 Sun -05:00

                dry run: would POST create_periodic_task for template 1 with:
                """), r.out());
        assertTrue(r.out().contains("\"day_of_week\": \"0\""), r.out());
        assertEquals(List.of(), posts());

        CliRun.Result spring = ok("periodic", "create", "--template", "1", "--name", "dst", "--cron", "30 2 * 3 SUN",
                "--zone", "Europe/Berlin", "--from", "2027-03-27T00:00", "--next", "1", "--dry-run");
        // Berlin springs forward at 02:00 on 2027-03-28: that run is skipped, the next Sunday in March is a year away
        assertTrue(spring.out().contains("""
                Next 1 run after 2027-03-27 00:00 Sat +01:00
                  2027-03-28 02:30 Sun         skipped: the clocks jump past this time (daylight saving)
                  2028-03-05 02:30 Sun +01:00
                """), spring.out());
    }

    @Test
    void createDryRunSendsConstantsFromFileAndFlagsAndTheExcludedNodes() throws IOException {
        Path file = dir.resolve("consts.json");
        Files.writeString(file, "{\"env\": \"test\"}");
        CliRun.Result r = ok("periodic", "create", "--template", "5", "--name", "x", "--cron", "0 3 * * *", "--const-file",
                file.toString(), "--const", "env=prod", "--exclude", "n1,n2", "--next", "0", "--zone", "UTC", "--dry-run");
        String json = r.out().substring(r.out().indexOf('{'));
        assertEquals(Json.read("""
                {"name": "x", "cron": {"minute": "0", "hour": "3", "day_of_week": "*", "day_of_month": "*", "month_of_year": "*"},
                 "template_source": "project", "constants": {"${env}": "prod"},
                 "exclude_task_nodes_id": ["n1", "n2"]}"""), Json.read(json));
        assertEquals(List.of(), posts());

        sb.clearRequests(); // the dry run read the template to check the constants
        CliRun.Result notJson = sb.run("periodic", "create", "--template", "5", "--name", "x", "--cron", "0 3 * * *",
                "--const-file", dir.resolve("missing.json").toString());
        assertEquals(2, notJson.exit(), notJson::toString);
        assertTrue(notJson.err().startsWith("bkops: cannot read --const-file"), notJson.err());
        assertEquals(List.of(), sb.requests());
    }

    @Test
    void worksThroughTheEsbFrontDoorToo() throws IOException {
        CliRun.Result r = sb.runEsb("periodic", "cron", id, "0 4 * * SAT,SUN", "--next", "0", "-o", "json");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("0 4 0,6 * * (m/h/d/dM/MY) Asia/Shanghai", Json.read(r.out()).get("cron").asText());
        assertTrue(posts().get(0).pathAndQuery().startsWith("/api/c/compapi/v2/sops/modify_cron_for_periodic_task/"),
                posts().get(0).pathAndQuery());
    }

    /** Compares with src/test/resources/golden/periodic/NAME; -Dgolden.update=true rewrites it after review. */
    private static void golden(String name, String actual) throws IOException {
        Golden.assertMatches("periodic/" + name, actual);
    }
}
