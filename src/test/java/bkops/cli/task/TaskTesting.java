package bkops.cli.task;


import bkops.sandbox.RecordedRequest;
import bkops.sandbox.SandboxCredentials;
import bkops.testing.Golden;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers for task command tests: requests seen by the sandbox, direct API calls, goldens under golden/task/. */
final class TaskTesting {
    static final ObjectMapper JSON = new ObjectMapper();
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
        String auth = "{\"bk_app_code\":\"" + SandboxCredentials.APP_CODE + "\",\"bk_app_secret\":\""
                + SandboxCredentials.APP_SECRET + "\",\"bk_username\":\"" + SandboxCredentials.USERNAME + "\"}";
        HttpRequest req = HttpRequest.newBuilder(URI.create(sb.sandbox().sopsGatewayUrl() + path))
                .header("X-Bkapi-Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
            return json(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Compares with golden/task/NAME; -Dgolden.update=true rewrites it after a reviewed change. */
    static void golden(String name, String actual) {
        Golden.assertMatches("task/" + name, actual);
    }
}
