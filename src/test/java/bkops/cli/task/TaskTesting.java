package bkops.cli.task;

import bkops.sandbox.RecordedRequest;
import bkops.testing.Golden;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers for task command tests: requests seen by the sandbox, direct API calls, goldens under golden/task/. */
final class TaskTesting {
    static final ObjectMapper JSON = TestSandbox.JSON;
    private static final Pattern CREATED = Pattern.compile("created task (\\d+)");

    private TaskTesting() {}

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id printed by 'task create'. */
    static String createdId(String out) {
        Matcher m = CREATED.matcher(out);
        if (!m.find()) {
            throw new AssertionError("no 'created task N' in: " + out);
        }
        return m.group(1);
    }

    /** The requests whose path starts with /{api}/ (gateway paths), in order. */
    static List<RecordedRequest> calls(TestSandbox sb, String api) {
        return sb.requests().stream().filter(r -> r.pathAndQuery().contains("/" + api + "/")).toList();
    }

    /** A POST to a SOPS gateway API as another client would send it (e.g. an operator retrying a node). */
    static JsonNode post(TestSandbox sb, String path, String body) {
        return sb.post(path, body).json();
    }

    /** Compares with golden/task/NAME; -Dgolden.update=true rewrites it after a reviewed change. */
    static void golden(String name, String actual) {
        Golden.assertMatches("task/" + name, actual);
    }
}
