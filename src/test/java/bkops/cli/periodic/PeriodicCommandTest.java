package bkops.cli.periodic;

import bkops.api.Json;
import bkops.sandbox.RecordedRequest;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The periodic verbs end to end against the sandbox (clock at 2026-11-25 10:00 Asia/Shanghai). */
@BkopsTest
class PeriodicCommandTest {
    TestSandbox sb;

    private CliRun.Result ok(String... args) {
        CliRun.Result r = sb.run(args);
        assertEquals(0, r.exit(), r::toString);
        return r;
    }

    /** Creates from template 1 and returns the new id. */
    private String create(String name, String cron, String... more) {
        List<String> args = new ArrayList<>(List.of("periodic", "create", "--template", "1", "--name", name,
                "--cron", cron, "-o", "id"));
        args.addAll(List.of(more));
        return ok(args.toArray(String[]::new)).out().strip();
    }

    private List<RecordedRequest> posts() {
        return sb.requests().stream().filter(r -> r.method().equals("POST")).toList();
    }

    @Test
    void mondaysAtThreeReachTheServerAsTheCronObjectThenGetEnabled() throws Exception {
        CliRun.Result r = ok("periodic", "create", "--template", "1", "--name", "weekly", "--cron", "0 3 * * MON",
                "--const", "version=2.0", "--enable", "--from", "2026-11-25T10:00");

        List<RecordedRequest> posts = posts();
        assertEquals(2, posts.size(), posts::toString);
        assertTrue(posts.get(0).pathAndQuery().contains("/create_periodic_task/1/2/"), posts.get(0).pathAndQuery());
        JsonNode body = Json.read(posts.get(0).body());
        assertEquals(Json.read("{\"minute\":\"0\",\"hour\":\"3\",\"day_of_week\":\"1\",\"day_of_month\":\"*\",\"month_of_year\":\"*\"}"),
                body.get("cron"));
        assertEquals("weekly", body.get("name").asText());
        assertEquals("2.0", body.get("constants").get("${version}").asText());
        assertTrue(posts.get(1).pathAndQuery().contains("/set_periodic_task_enabled/501/2/"), posts.get(1).pathAndQuery());
        assertTrue(Json.read(posts.get(1).body()).get("enabled").asBoolean());

        assertEquals("periodic task 501 created and enabled\n", r.out());
        assertTrue(r.err().contains("created periodic task 501 'weekly' (disabled, as the API creates them); server cron: "
                + "0 3 1 * * (m/h/d/dM/MY) Asia/Shanghai"), r.err());
        assertTrue(r.err().contains("Schedule  0 3 * * MON  (Asia/Shanghai)\n  at 03:00, on Monday\n"), r.err());
        assertTrue(r.err().contains("  2026-11-30 03:00 Mon +08:00\n  2026-12-07 03:00 Mon +08:00\n"), r.err());
        assertTrue(r.err().contains("enabled periodic task 501"), r.err());

        CliRun.Result list = ok("periodic", "list");
        assertEquals("""
                 ID   NAME     ENABLED   SCHEDULE                  RUNS   LAST RUN
                501   weekly   yes       0 3 * * 1 Asia/Shanghai      0
                """, list.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "periodic create --template 1 --name x --cron '0 25 * * *'  | hour field (2 of 5) '25': 25 is out of range 0-23",
            "periodic create --template 1 --name x --cron '0 3 * *'     | has 4 fields, expected 5",
            "periodic create --template 1 --name x --cron '0 3 * * MOM' | day-of-week field (5 of 5) 'MOM'",
            "periodic create --template 1 --name x --cron '0 0 31 2 *'  | never runs",
            "periodic cron 1 '*/0 * * * *'                              | minute field (1 of 5) '*/0'",
            "periodic cron 1 '0 3 * JANUARY *'                          | month field (4 of 5) 'JANUARY'",
            "periodic cron 1 '0 3 * * *' --from yesterday               | Invalid value for option '--from': 'yesterday' is not a date-time"})
    void invalidExpressionsAreRefusedBeforeAnyRequest(String command, String message) {
        CliRun.Result r = sb.run(split(command));
        assertEquals(2, r.exit(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(List.of(), sb.requests());
    }

    /** Splits on spaces outside single quotes. */
    private static String[] split(String command) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(command);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out.toArray(String[]::new);
    }

    @Test
    void aLostCreateReplyIsNotSentAgainAndTheTasksAreReadBack() {
        sb.faults().add(new bkops.sandbox.Faults.Fault(bkops.sandbox.Faults.Kind.DROP, 1, "create_periodic_task", 0));
        CliRun.Result r = sb.run("periodic", "create", "--template", "1", "--name", "nightly", "--cron", "0 3 * * *");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.err().contains("not known whether it was applied") && r.err().contains("no periodic task 'nightly' "
                + "of template 1 seen yet after 10s of reading back, but it may still appear: check with 'bkops periodic "
                + "list' before creating it again (not re-sent)"), r.err());
        assertEquals(1, posts().size(), "never sent again");
    }

    @Test
    void enablesAndDisablesSeveralAndSaysWhichFailed() {
        String a = create("a", "0 3 * * *");
        String b = create("b", "0 4 * * *");
        sb.clearRequests();

        CliRun.Result on = ok("periodic", "enable", a, b);
        assertEquals("periodic task " + a + " enabled\nperiodic task " + b + " enabled\n", on.out());
        assertEquals(2, posts().size());

        CliRun.Result off = sb.run("periodic", "disable", a, "99", b);
        assertEquals(7, off.exit(), off::toString);
        assertEquals("periodic task " + a + " disabled\nperiodic task " + b + " disabled\n", off.out());
        assertTrue(off.err().contains("task(99) does not exist [code 3540400"), off.err());
        assertTrue(off.err().contains("disabled 2 of 3 periodic tasks; 1 failed"), off.err());

        CliRun.Result none = sb.run("periodic", "enable", "98", "99");
        assertEquals(5, none.exit(), none::toString);
        assertEquals(2, none.err().lines().filter(l -> l.contains("does not exist")).count(), none.err());

        assertEquals(a + "\n", ok("periodic", "enable", a, "-o", "id").out());
        CliRun.Result ids = ok("periodic", "list", "-o", "jsonl");
        assertEquals(List.of(b + " false", a + " true"), ids.out().lines().map(l -> {
            try {
                JsonNode p = Json.read(l);
                return p.get("id").asText() + " " + p.get("enabled").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList());
    }

    @Test
    void aDuePeriodicTaskStartsATask() throws Exception {
        String id = create("every-ten", "*/10 * * * *", "--enable");
        assertEquals(0, tasks().size());

        sb.advance(Duration.ofMinutes(11));
        CliRun.Result show = ok("periodic", "show", id, "--next", "2", "--from", "2026-11-25T10:11");

        JsonNode tasks = tasks();
        assertEquals(1, tasks.size(), tasks::toString);
        assertEquals("periodic", tasks.get(0).path("create_method").asText());
        assertTrue(show.out().contains("Runs       1, last 2026-11-25 10:10:00"), show.out());
        assertTrue(show.out().contains("Next 2 runs after 2026-11-25 10:11 Wed +08:00\n  2026-11-25 10:20 Wed +08:00\n"
                + "  2026-11-25 10:30 Wed +08:00\n"), show.out());
    }

    /** The sandbox's task list, asked directly: there is no task command on this branch. */
    private JsonNode tasks() throws Exception {
        return sb.get("/get_task_list/2/?create_method=periodic").json().get("data");
    }
}
