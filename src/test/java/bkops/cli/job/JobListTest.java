package bkops.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.sandbox.RecordedRequest;
import bkops.sandbox.SandboxCredentials;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * job list (issue 16): bk-job 3.10's get_job_instance_list (EsbGetJobInstanceListV3Resource / ...ResourceImpl,
 * EsbTaskInstanceV3DTO, TaskInstanceDAOImpl.listPageTaskInstanceByBasicInfo), through the sandbox over HTTP. The
 * sandbox's clock starts at TestSandbox.EPOCH (2026-11-25T02:00Z): ranges are given around it, never around the wall
 * clock, except where the test is about the default range's length.
 */
@BkopsTest
class JobListTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A day around the sandbox's epoch. */
    private static final String[] AROUND_EPOCH = {"--created-after", "2026-11-24T12:00Z", "--created-before", "2026-11-25T12:00Z"};

    TestSandbox sb;

    private CliRun.Result list(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("job", "list"));
        args.addAll(List.of(AROUND_EPOCH));
        args.addAll(List.of(more));
        return sb.run(args.toArray(String[]::new));
    }

    private List<RecordedRequest> listCalls() {
        return sb.requests().stream().filter(r -> r.pathAndQuery().contains("/get_job_instance_list")).toList();
    }

    private static Map<String, String> query(RecordedRequest r) {
        Map<String, String> q = new HashMap<>();
        String raw = URI.create(r.pathAndQuery()).getRawQuery();
        for (String kv : raw.split("&")) {
            String[] p = kv.split("=", 2);
            q.put(p[0], java.net.URLDecoder.decode(p[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return q;
    }

    @Test
    void listsTheInstancesNewestFirstWithIdNameStatusOperatorAndTimes() {
        long first = JobScenario.launch(sb, 1002); // health check: succeeds
        sb.advance(Duration.ofSeconds(30));
        long second = JobScenario.launch(sb, 1001); // deploy: fails on host 102
        sb.advance(Duration.ofSeconds(5));
        CliRun.Result r = list();
        assertEquals(0, r.exit(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r::toString);
        assertTrue(lines.get(0).matches("\\s*ID\\s+NAME\\s+STATUS\\s+OPERATOR\\s+STARTED\\s+FINISHED\\s*"), lines.get(0));
        assertTrue(lines.get(1).matches("\\s*" + second + "\\s+执行作业 run job plan\\s+FAILED\\s+admin\\s+"
                + "2026-11-2\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}\\s+2026-11-2\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}\\s*"), lines.get(1));
        assertTrue(lines.get(2).matches("\\s*" + first + "\\s+执行作业 run job plan\\s+SUCCESS\\s+admin\\s+.*"), lines.get(2));
        assertTrue(r.err().startsWith("2 of 2 job instances created from "), r::toString);

        CliRun.Result ids = list("-o", "id");
        assertEquals(second + "\n" + first + "\n", ids.out(), ids::toString);

        // what it asked: the scope, the range in epoch ms, the first page of --limit (default 20)
        Map<String, String> q = query(listCalls().get(0));
        assertEquals("GET", listCalls().get(0).method());
        assertEquals("biz", q.get("bk_scope_type"));
        assertEquals(String.valueOf(SandboxCredentials.BIZ_ID), q.get("bk_scope_id"));
        assertEquals(String.valueOf(java.time.Instant.parse("2026-11-24T12:00:00Z").toEpochMilli()), q.get("create_time_start"));
        assertEquals(String.valueOf(java.time.Instant.parse("2026-11-25T12:00:00Z").toEpochMilli()), q.get("create_time_end"));
        assertEquals("0", q.get("start"));
        assertEquals("20", q.get("length"));
    }

    @Test
    void jsonIsTheApiDataWithBkJobsFieldNames() throws Exception {
        long job = JobScenario.launch(sb, 1002);
        sb.advance(Duration.ofSeconds(30));
        CliRun.Result r = list("-o", "json");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.err(), "no note in a machine format");
        JsonNode data = MAPPER.readTree(r.out());
        assertEquals(1, data.path("total").asLong(), r::toString);
        JsonNode item = data.path("data").get(0);
        // EsbTaskInstanceV3DTO: job_instance_id, status, type (the docs' example says id, task_status, task_type)
        assertEquals(List.of("bk_biz_id", "bk_scope_type", "bk_scope_id", "job_instance_id", "job_plan_id",
                "job_template_id", "name", "operator", "launch_mode", "status", "start_time", "end_time", "total_time",
                "create_time", "type"), iterableToList(item.fieldNames()));
        assertEquals(job, item.path("job_instance_id").asLong());
        assertEquals(1002, item.path("job_plan_id").asLong());
        assertEquals(3, item.path("status").asInt());
        assertEquals(0, item.path("type").asInt());
        assertEquals(2, item.path("launch_mode").asInt());
        assertEquals(item.path("end_time").asLong() - item.path("start_time").asLong(), item.path("total_time").asLong());
    }

    @Test
    void pagesUpToTheLimitAndFiltersByOperatorAndName() {
        for (int i = 0; i < 3; i++) {
            JobScenario.launch(sb, 1002);
            sb.advance(Duration.ofSeconds(1));
        }
        CliRun.Result r = list("--limit", "2", "-o", "id");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(2, r.out().lines().count(), r::toString);
        assertEquals("2", query(listCalls().get(0)).get("length"));

        sb.clearRequests();
        assertEquals("", list("--operator", "nobody", "-o", "id").out());
        assertEquals("nobody", query(listCalls().get(0)).get("operator"));
        assertEquals(3, list("--name", "run job", "-o", "id").out().lines().count());
    }

    @Test
    void noInstancesIsANoteNotAnError() throws Exception {
        CliRun.Result r = list();
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("no job instances created from "), r::toString);
        // bk-job writes an empty page's data as null (convertToEsbTaskInstancePageData): bkops reads it as none
        CliRun.Result json = list("-o", "json");
        assertEquals(0, MAPPER.readTree(json.out()).path("data").size(), json::toString);
    }

    @Test
    void theDefaultRangeIsTheLastDayUpToNowAndAMonthIsTheMost() {
        long before = System.currentTimeMillis();
        CliRun.Result r = sb.run("job", "list");
        long after = System.currentTimeMillis();
        assertEquals(0, r.exit(), r::toString);
        Map<String, String> q = query(listCalls().get(0));
        long end = Long.parseLong(q.get("create_time_end"));
        assertTrue(end >= before && end <= after, q::toString);
        assertEquals(Duration.ofHours(24).toMillis(), end - Long.parseLong(q.get("create_time_start")));

        // Consts.MAX_SEARCH_TASK_HISTORY_RANGE_MILLS: 30 days; a longer range is refused before asking
        sb.clearRequests();
        assertEquals(0, sb.run("job", "list", "--since", "720h").exit());
        CliRun.Result tooLong = sb.run("job", "list", "--since", "721h");
        assertEquals(2, tooLong.exit(), tooLong::toString);
        assertTrue(tooLong.err().contains("at most 30 days"), tooLong::toString);
        CliRun.Result badTime = sb.run("job", "list", "--created-after", "yesterday");
        assertEquals(2, badTime.exit(), badTime::toString);
        assertTrue(badTime.err().contains("--created-after: 'yesterday' is not a date-time"), badTime::toString);
        assertEquals(1, listCalls().size(), "the refused ones sent nothing");
    }

    @Test
    void theSandboxChecksTheRangeAsBkJobDoes() {
        String base = sb.env().get("BKOPS_JOB_URL") + "/api/v3/get_job_instance_list?bk_scope_type=biz&bk_scope_id=2";
        JsonNode missing = sb.send("GET", base + "&create_time_end=1795521600000", null, TestSandbox.AUTH).json();
        assertEquals(1241007, missing.path("code").asInt(), missing::toString);
        assertEquals("Missing or invalid request parameter [create_time_start]", missing.path("message").asText());
        JsonNode reversed = sb.send("GET", base + "&create_time_start=2&create_time_end=1", null, TestSandbox.AUTH).json();
        assertEquals("Missing or invalid request parameter [create_time_start|create_time_end]",
                reversed.path("message").asText(), reversed::toString);
        long month = Duration.ofDays(30).toMillis();
        JsonNode tooLong = sb.send("GET", base + "&create_time_start=1&create_time_end=" + (month + 2), null,
                TestSandbox.AUTH).json();
        assertEquals(1241002, tooLong.path("code").asInt(), tooLong::toString);
        JsonNode empty = sb.send("GET", base + "&create_time_start=1&create_time_end=" + (month + 1), null,
                TestSandbox.AUTH).json();
        assertTrue(empty.path("data").path("data").isNull(), empty::toString);
        assertEquals(10, empty.path("data").path("length").asInt(), "length defaults to 10 (getLengthOrDefault)");
        // job_instance_id alone decides (buildSearchCondition returns before the time conditions)
        long job = JobScenario.launch(sb, 1002);
        JsonNode byId = sb.send("GET", base + "&create_time_start=1&create_time_end=2&job_instance_id=" + job, null,
                TestSandbox.AUTH).json();
        assertEquals(job, byId.at("/data/data/0/job_instance_id").asLong(), byId::toString);
    }

    @Test
    void theReadmeTourFindsItsJobOnAFreshSandbox() {
        // README: a task of template 10 runs Job plan 1001, whose instance is the first: 20001, step 50001
        CliRun.Result created = sb.run("task", "create", "--template", "10", "--name", "deploy", "--start", "-o", "id");
        assertEquals(0, created.exit(), created::toString);
        sb.advance(Duration.ofSeconds(10));
        CliRun.Result ids = sb.run("job", "list", "-o", "id", AROUND_EPOCH[0], AROUND_EPOCH[1], AROUND_EPOCH[2],
                AROUND_EPOCH[3]);
        assertEquals("20001\n", ids.out(), ids::toString);
        CliRun.Result status = sb.run("job", "status", "20001", "--hosts");
        assertEquals(0, status.exit(), status::toString);
        assertTrue(status.out().contains("50001"), status::toString);
        CliRun.Result log = sb.run("job", "log", "20001", "50001");
        assertEquals(0, log.exit(), log::toString);
        assertFalse(log.out().isBlank(), log::toString);
    }

    private static List<String> iterableToList(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
