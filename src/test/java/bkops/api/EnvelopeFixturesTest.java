package bkops.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The verbatim gateway error examples and SOPS/Job success payloads from the real docs decode as the contract says.
 * (End-to-end mapping through real HTTP is covered by the command tests against the sandbox.)
 */
class EnvelopeFixturesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    private static Transport.RawResponse response(int status, Map<String, List<String>> headers, byte[] body) {
        return new Transport.RawResponse(status, HttpHeaders.of(headers, (a, b) -> true), body, 1);
    }

    private static ApiException.Kind expectedForGatewayStatus(int status) {
        return switch (status) {
            case 400, 401, 403 -> ApiException.Kind.AUTH;
            case 413, 414 -> ApiException.Kind.USAGE;
            default -> ApiException.Kind.TRANSPORT; // 404 API_NOT_FOUND (wrong URL), 429, 5xx, 508
        };
    }

    @TestFactory
    Stream<DynamicTest> everyGatewayErrorExampleMapsToItsExitClassWithCodeAndRequestId() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES.resolve("job/apigw-errors"))) {
            List<Path> list = files.sorted().toList();
            assertEquals(21, list.size(), "all gateway error examples are present");
            return list.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                int status = Integer.parseInt(f.getFileName().toString().substring(0, 3));
                byte[] body = Files.readAllBytes(f);
                JsonNode json = Json.mapper().readTree(body);
                var r = response(status, Map.of(
                        "X-Bkapi-Error-Code", List.of(json.get("code").asText()),
                        "X-Bkapi-Request-Id", List.of("3f2a9c1e-0000-4000-8000-000000000001")), body);
                ApiException ex = assertThrows(ApiException.class,
                        () -> Envelope.decode(Endpoints.GET_TEMPLATE_LIST, r, "list templates"));
                assertEquals(expectedForGatewayStatus(status), ex.kind(), ex.getMessage());
                assertEquals(json.get("code").asText(), ex.code());
                assertEquals("3f2a9c1e-0000-4000-8000-000000000001", ex.requestId());
                assertTrue(ex.getMessage().startsWith("list templates: "), ex.getMessage());
                assertFalse(ex.getMessage().contains("\n"), "one line");
            }));
        }
    }

    @Test
    void credentialReasonIsUnwrappedFromTheGatewayMessage() throws IOException {
        byte[] body = Files.readAllBytes(FIXTURES.resolve("job/apigw-errors/400-bk-app-code-or-bk-app-secret-is-incorrect.json"));
        var r = response(400, Map.of("X-Bkapi-Error-Code", List.of("1640001")), body);
        ApiException ex = assertThrows(ApiException.class, () -> Envelope.decode(Endpoints.GET_TASK_STATUS, r, "show task 7"));
        assertEquals("show task 7: authentication failed: bk_app_code or bk_app_secret is incorrect "
                + "(check app code/secret and user: 'bkops config view')", ex.getMessage());
    }

    @TestFactory
    Stream<DynamicTest> sopsDocExamplesWithValidJsonDecodeAsSuccess() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES.resolve("sops"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream()
                    .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                        byte[] body = Files.readAllBytes(f);
                        JsonNode json = Json.mapper().readTree(body);
                        if (!json.has("result")) {
                            return; // a template export, not an API answer (parsed by the model tests)
                        }
                        JsonNode decoded = Envelope.decode(Endpoints.GET_TASK_STATUS, response(200, Map.of(), body), "x");
                        assertTrue(decoded.get("result").asBoolean());
                    }));
        }
    }

    @Test
    void startTaskDocExampleIsNotJsonAndIsReportedAsSuch() throws IOException {
        // The published example is not valid JSON (an unquoted variable): a server answering like that is a transport failure.
        byte[] body = Files.readAllBytes(FIXTURES.resolve("sops/doc-example-response-start_task.txt"));
        ApiException ex = assertThrows(ApiException.class,
                () -> Envelope.decode(Endpoints.START_TASK, response(200, Map.of(), body), "start task 3"));
        assertEquals(ApiException.Kind.TRANSPORT, ex.kind());
        assertTrue(ex.getMessage().contains("not the API's JSON"), ex.getMessage());
    }

    @TestFactory
    Stream<DynamicTest> jobDocExamplesDecode() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES.resolve("job"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-response.json")
                            || f.getFileName().toString().contains("-response-"))
                    .sorted().toList().stream()
                    .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                        byte[] body = Files.readAllBytes(f);
                        JsonNode decoded = Envelope.decode(Endpoints.GET_JOB_INSTANCE_STATUS, response(200, Map.of(), body), "x");
                        assertTrue(Envelope.data(decoded).isObject(), "data is an object");
                    }));
        }
    }

    @Test
    void iamDenialInBothFormsIsAnAuthFailure() {
        byte[] now = "{\"result\":false,\"data\":null,\"message\":\"iam authentication exception, please check, action:task_view\",\"code\":3599999}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] old = "{\"result\":false,\"code\":9900403,\"message\":\"you have no permission to operate\",\"data\":null,\"permission\":{\"system_id\":\"bk_sops\"}}"
                .getBytes(StandardCharsets.UTF_8);
        for (var r : List.of(response(200, Map.of(), now), response(499, Map.of(), old))) {
            ApiException ex = assertThrows(ApiException.class, () -> Envelope.decode(Endpoints.GET_TASK_STATUS, r, "show task 1"));
            assertEquals(ApiException.Kind.AUTH, ex.kind());
            assertTrue(ex.getMessage().contains("permission denied"), ex.getMessage());
        }
    }

    @Test
    void messageGivenAsAnObjectBecomesOneReadableLine() {
        byte[] body = "{\"result\":false,\"code\":3540000,\"message\":{\"limit\":[\"Ensure this value is greater than or equal to 0.\"],\"name\":[\"required\",\"too long\"]}}"
                .getBytes(StandardCharsets.UTF_8);
        ApiException ex = assertThrows(ApiException.class,
                () -> Envelope.decode(Endpoints.GET_TASK_LIST, response(200, Map.of(), body), "list tasks"));
        assertEquals(ApiException.Kind.REFUSED, ex.kind());
        assertEquals("list tasks: limit: Ensure this value is greater than or equal to 0.; name: required, too long", ex.getMessage());
    }
}
