package bkops.cli;

import bkops.sandbox.RecordedRequest;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 (Trust): arguments are what was typed, files are read where documented. */
@BkopsTest
class TrustCliTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    TestSandbox sb;

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result r = sb.run(args);
        assertEquals(0, r.exit(), r::toString);
        return r;
    }

    private List<RecordedRequest> calls(String api) {
        return sb.requests().stream().filter(r -> r.pathAndQuery().contains("/" + api + "/")).toList();
    }

    /** Template 4 waits on a pause node "人工确认 approve" two seconds after the start. */
    private String taskWaitingForACallback() {
        String id = ok("task", "create", "--template", "4", "--name", "callback", "--start", "-o", "id").out().strip();
        sb.advance(Duration.ofSeconds(2));
        return id;
    }

    @Test
    void callbackDataFromAFileAndFromStdinAsDocumented() throws IOException {
        String task = taskWaitingForACallback();
        Path answer = dir.resolve("answer.json");
        Files.writeString(answer, "{\"approved\": true, \"by\": \"ops team\"}");
        sb.clearRequests();

        CliRun.Result r = ok("node", "callback", task, "人工确认 approve", "--data", "@" + answer);
        assertEquals(json("{\"approved\": true, \"by\": \"ops team\"}"),
                json(calls("node_callback").get(0).body()).path("callback_data"), r::toString);

        String other = taskWaitingForACallback();
        sb.clearRequests();
        CliRun.Result piped = CliRun.run(sb.env(), "{\"approved\": false}", sb.sleeper(), false,
                "node", "callback", other, "人工确认 approve", "--data", "@-");
        assertEquals(0, piped.exit(), piped::toString);
        assertEquals(json("{\"approved\": false}"), json(calls("node_callback").get(0).body()).path("callback_data"));

        CliRun.Result missing = sb.run("node", "callback", other, "人工确认 approve", "--data", "@" + dir.resolve("nope.json"));
        assertEquals(2, missing.exit(), missing::toString);
        assertTrue(missing.err().startsWith("bkops: --data: cannot read " + dir.resolve("nope.json")), missing::toString);
    }

    @Test
    void anArgumentStartingWithAtIsTakenAsTyped() throws IOException {
        Path names = dir.resolve("names.txt");
        Files.writeString(names, "--name injected");
        CliRun.Result r = ok("task", "create", "--template", "1", "--name", "@" + names, "--dry-run");
        assertEquals("@" + names, json(r.out()).path("name").asText(), r::toString);

        // an @-file among the arguments is not read as more arguments either
        Path args = dir.resolve("args.txt");
        Files.writeString(args, "template list");
        CliRun.Result asArgs = sb.run("@" + args);
        assertEquals(2, asArgs.exit(), asArgs::toString);
        assertTrue(calls("get_template_list").isEmpty(), asArgs::toString);
    }

    /** A guard rather than a defect (these worked before): the other options documented to take a file read it. */
    @Test
    void theOtherOptionsDocumentedToTakeAFileReadIt() throws IOException {
        Path inputs = dir.resolve("inputs.json");
        Files.writeString(inputs, "{\"job_content\": \"echo fixed\"}");
        String task = ok("task", "create", "--template", "3", "--name", "fix", "--start", "-o", "id").out().strip();
        sb.advance(Duration.ofSeconds(10));
        CliRun.Result retry = ok("node", "retry", task, "执行脚本 run script", "--inputs-file", inputs.toString(), "--dry-run");
        assertTrue(retry.out().contains("\"job_content\":\"echo fixed\""), retry::toString);

        Path consts = dir.resolve("consts.json");
        Files.writeString(consts, "{\"version\": \"9.9\"}");
        assertEquals("9.9", json(ok("task", "create", "--template", "1", "--name", "x", "--const-file", consts.toString(),
                "--dry-run").out()).path("constants").path("${version}").asText());
        assertEquals("9.9", json(ok("periodic", "create", "--template", "1", "--name", "x", "--cron", "0 3 * * *",
                "--const-file", consts.toString(), "--dry-run", "-o", "json").out()).path(0).path("constants")
                .path("${version}").asText());

        Path secret = dir.resolve("secret");
        Files.writeString(secret, sb.env().get("BK_APP_SECRET") + "\n");
        java.util.Map<String, String> env = sb.env();
        env.remove("BK_APP_SECRET");
        CliRun.Result fromFile = sb.run(env, "--app-secret-file", secret.toString(), "template", "list", "-o", "id");
        assertEquals(0, fromFile.exit(), fromFile::toString);
    }

    @Test
    void periodicCreateChecksConstantKeysExactlyAsTaskCreateDoes() throws IOException {
        CliRun.Result task = sb.run("task", "create", "--template", "5", "--name", "x", "--const", "evn=prod");
        CliRun.Result periodic = sb.run("periodic", "create", "--template", "5", "--name", "x", "--cron", "0 3 * * *",
                "--const", "evn=prod");
        assertEquals(2, periodic.exit(), periodic::toString);
        assertEquals("bkops: the template has no constant ${evn}; its constants: ${env}\n", periodic.err());
        assertEquals(task.err(), periodic.err(), "one check, one message");

        Path file = dir.resolve("consts.json");
        Files.writeString(file, "{\"${evn}\": \"prod\"}");
        CliRun.Result fromFile = sb.run("periodic", "create", "--template", "5", "--name", "x", "--cron", "0 3 * * *",
                "--const-file", file.toString());
        assertEquals(2, fromFile.exit(), fromFile::toString);
        assertEquals("bkops: the template has no constant ${evn}; its constants: ${env}\n", fromFile.err());
        assertTrue(calls("create_periodic_task").isEmpty() && calls("create_task").isEmpty());

        // --const-file - reads stdin, as for task create; the right key is sent
        CliRun.Result piped = CliRun.run(sb.env(), "{\"env\": \"prod\"}", sb.sleeper(), false, "periodic", "create",
                "--template", "5", "--name", "x", "--cron", "0 3 * * *", "--const-file", "-", "-o", "id");
        assertEquals(0, piped.exit(), piped::toString);
        assertEquals(json("{\"${env}\": \"prod\"}"), json(calls("create_periodic_task").get(0).body()).path("constants"));
    }

    @Test
    void periodicConstantsTypesValuesLikeTheTasksOwnConstants() throws IOException {
        Path file = dir.resolve("consts.json");
        Files.writeString(file, "{\"env\": 3}");
        String id = ok("periodic", "create", "--template", "5", "--name", "typed", "--cron", "0 3 * * *",
                "--const-file", file.toString(), "-o", "id").out().strip();
        sb.clearRequests();

        CliRun.Result notANumber = sb.run("periodic", "constants", id, "--set", "env=prod");
        assertEquals(2, notANumber.exit(), notANumber::toString);
        assertEquals("bkops: ${env} takes a number, got 'prod'\n", notANumber.err());
        assertTrue(calls("modify_constants_for_periodic_task").isEmpty());

        ok("periodic", "constants", id, "--set", "env=5");
        assertEquals(json("{\"${env}\": 5}"),
                json(calls("modify_constants_for_periodic_task").get(0).body()).path("constants"));

        CliRun.Result unknown = sb.run("periodic", "constants", id, "--set", "evn=5");
        assertEquals(2, unknown.exit(), unknown::toString);
        assertEquals("bkops: periodic task " + id + " has no constant ${evn}; its constants: ${env}\n", unknown.err());
    }
}
