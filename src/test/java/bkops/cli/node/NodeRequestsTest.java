package bkops.cli.node;

import bkops.sandbox.RecordedRequest;
import bkops.sandbox.SandboxCredentials;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The exact request each verb sends, through both front doors: the gateway puts bk_biz_id before the task id in
 * operate_node's path (the reverse of node_callback's); ESB carries everything, credentials included, in the body.
 * The task is never started and --force --yes make every verb send whatever the node's state, so each request is
 * independent of the others (the server's answer is not the point here).
 */
@BkopsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeRequestsTest {
    TestSandbox sb;
    NodeWorld w;
    String task;
    String gateway;
    String node;
    String prodFlow;

    @BeforeAll
    void start() {
        w = new NodeWorld(sb);
        task = w.createTask(6);
        gateway = w.nodeId(task, "按环境 by env");
        node = w.nodeId(task, "生产部署 deploy prod");
        CliRun.Result dry = w.run("node", "skip-gateway", task, gateway, "--flow", "prod", "--force", "--dry-run");
        prodFlow = NodeWorld.json(dry.out().substring(dry.out().indexOf('{'))).path("flow_id").asText();
    }

    static Stream<Arguments> verbs() {
        List<Arguments> out = new ArrayList<>();
        for (boolean esb : List.of(false, true)) {
            out.add(Arguments.of(esb, List.of("retry", "N"), "operate_node", Map.of("action", "retry")));
            out.add(Arguments.of(esb, List.of("retry", "N", "--input", "bk_timing=1"), "operate_node",
                    Map.of("action", "retry", "inputs", Map.of("bk_timing", "1"))));
            out.add(Arguments.of(esb, List.of("skip", "N"), "operate_node", Map.of("action", "skip")));
            out.add(Arguments.of(esb, List.of("skip-gateway", "G", "--flow", "prod"), "operate_node",
                    Map.of("action", "skip_exg", "flow_id", "FLOW")));
            out.add(Arguments.of(esb, List.of("callback", "N", "--data", "{\"ok\":1}", "--version", "v1"), "node_callback",
                    Map.of("callback_data", Map.of("ok", 1), "version", "v1")));
            out.add(Arguments.of(esb, List.of("pause", "N"), "operate_node", Map.of("action", "pause")));
            out.add(Arguments.of(esb, List.of("resume", "N"), "operate_node", Map.of("action", "resume")));
            out.add(Arguments.of(esb, List.of("pause-subprocess", "N"), "operate_node", Map.of("action", "pause_subproc")));
            out.add(Arguments.of(esb, List.of("resume-subprocess", "N"), "operate_node", Map.of("action", "resume_subproc")));
            out.add(Arguments.of(esb, List.of("forced-fail", "N"), "operate_node", Map.of("action", "forced_fail")));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("verbs")
    void theRequestThatReachesTheServer(boolean esb, List<String> verb, String api, Map<String, Object> fields) throws Exception {
        List<String> args = new ArrayList<>(List.of("node", verb.get(0), task));
        verb.subList(1, verb.size()).forEach(a -> args.add(a.equals("N") ? node : a.equals("G") ? gateway : a));
        args.addAll(List.of("--force", "--yes"));
        w.sb.clearRequests();

        CliRun.Result r = esb ? w.sb.runEsb(args.toArray(String[]::new)) : w.run(args.toArray(String[]::new));

        List<RecordedRequest> writes = w.writes();
        assertEquals(1, writes.size(), r.toString());
        RecordedRequest q = writes.get(0);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("node_id", verb.get(0).equals("skip-gateway") ? gateway : node);
        fields.forEach((k, v) -> expected.put(k, "FLOW".equals(v) ? prodFlow : v));
        expected.put("scope", "cmdb_biz");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = NodeWorld.MAPPER.readValue(q.body(), Map.class);
        if (esb) {
            assertEquals("/api/c/compapi/v2/sops/" + api + "/", q.pathAndQuery());
            expected.put("bk_biz_id", "2");
            expected.put("task_id", task);
            expected.put("bk_app_code", SandboxCredentials.APP_CODE);
            expected.put("bk_app_secret", SandboxCredentials.APP_SECRET);
            expected.put("bk_username", SandboxCredentials.USERNAME);
            assertNull(q.header("X-Bkapi-Authorization"));
        } else {
            assertEquals(api.equals("operate_node") ? "/api/bk-sops/prod/operate_node/2/" + task + "/"
                    : "/api/bk-sops/prod/node_callback/" + task + "/2/", q.pathAndQuery());
        }
        assertEquals(expected, body);
    }
}
