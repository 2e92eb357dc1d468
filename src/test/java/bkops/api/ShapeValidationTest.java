package bkops.api;

import bkops.testing.CliRun;
import bkops.testing.HostileServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A success envelope ({@code result: true}) whose data has the wrong shape is not the API's JSON: exit 6 and one line
 * saying what was wrong, never a phantom PENDING task with exit 0, never a wait that polls it until its deadline.
 */
class ShapeValidationTest {
    @TempDir
    Path home;

    private static String success(String data) {
        return "{\"result\":true,\"code\":0,\"message\":\"\",\"data\":" + data + ",\"count\":2}";
    }

    @ParameterizedTest(name = "{0} with data {1}")
    @CsvSource(delimiter = '|', value = {
            "task status 1       | \"RUNNING\"                  | read the status of task 1  | data is a string, expected an object",
            "task status 1       | {\"children\":{}}            | read the status of task 1  | data.state is missing, expected a string",
            "task status 1 2     | [\"1\",\"2\"]                | read the status of 2 tasks | data[0] is a string, expected an object",
            "task status 1 2     | [{\"id\":1,\"status\":\"x\"}] | read the status of 2 tasks | data[0].status is a string, expected an object",
            "task list           | [\"a\",\"b\"]                | list tasks                 | data[0] is a string, expected an object",
            "template list       | {\"id\":1}                   | list templates             | data is an object, expected a list",
            "template list       | [{\"id\":\"$(touch x)\"}]      | list templates             | data[0].id is a string, expected an id",
            "task list           | [{\"id\":-1}]                | list tasks                 | data[0].id is a number, expected an id",
            "template show 1     | [1]                          | show template 1            | data is a list, expected an object",
            "periodic list       | \"none\"                     | list periodic tasks        | data is a string, expected a list",
            "job status 5        | [\"x\"]                      | show job 5                 | data is a list, expected an object",
            "job status 5        | {\"finished\":false}         | show job 5                 | data.job_instance is missing, expected an object",
    })
    void wrongDataIsNotTheApisJson(String command, String data, String what, String problem) {
        try (HostileServer s = HostileServer.start(HostileServer.json(200, success(data)))) {
            Map<String, String> env = s.env(home);
            env.put("BKOPS_RETRIES", "0");
            CliRun.Result r = CliRun.run(env, null, d -> { }, false, command.split(" "));
            assertEquals(6, r.exit(), r.toString());
            assertEquals("", r.out(), "nothing rendered from it");
            assertEquals("bkops: " + what + ": the server's answer is not the API's JSON: " + problem + "\n", r.err());
        }
    }

    @Test
    void aWaitStopsAtTheFirstMalformedStatusInsteadOfPollingItUntilTheDeadline() {
        try (HostileServer s = HostileServer.start(HostileServer.json(200, success("\"RUNNING\"")))) {
            Map<String, String> env = s.env(home);
            env.put("BKOPS_RETRIES", "0");
            CliRun.Result r = CliRun.run(env, null, d -> { }, false, "task", "wait", "1", "--timeout", "10m");
            assertEquals(6, r.exit(), r.toString());
            assertTrue(r.err().endsWith("the server's answer is not the API's JSON: data is a string, expected an object\n"),
                    r.err());
            assertEquals(1, s.requests(), "read once, not polled");
        }
    }

    @Test
    void aCreatedTaskWithoutAnIdSaysItMayHaveBeenApplied() {
        try (HostileServer s = HostileServer.start(HostileServer.json(200, success("{\"task_url\":\"x\"}")))) {
            Map<String, String> env = s.env(home);
            CliRun.Result r = CliRun.run(env, null, d -> { }, false, "task", "create", "--template", "1", "--name", "n");
            assertEquals(6, r.exit(), r.toString());
            assertTrue(r.err().contains("the server's answer is not the API's JSON: data.task_id is missing, expected an id"
                    + " (the server reported success: it may have been applied)"), r.err());
        }
    }
}
