package bkops.sandbox;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Turns a queued {@link Faults.Fault} into the misbehaving response, and writes the ones that need odd writing. */
final class FaultResponses {
    private static final String LOGIN_PAGE = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>登录 | 蓝鲸智云</title></head>"
            + "<body><form action=\"/login/\" method=\"post\"><input name=\"username\"><input name=\"password\" type=\"password\">"
            + "<button>登录</button></form></body></html>";

    private FaultResponses() {}

    static Sandbox.Response of(Faults.Fault f, String api, boolean esb) {
        return switch (f.kind()) {
            case RATE_LIMIT -> {
                Sandbox.Response r = Sandbox.Response.gateway(
                        new GatewayError(429, 1642903, "RATE_LIMIT_RESTRICTION", "API rate limit exceeded by resource strategy"), false);
                r.headers.put("X-Bkapi-RateLimit-Limit", "100");
                r.headers.put("X-Bkapi-RateLimit-Remaining", "0");
                r.headers.put("X-Bkapi-RateLimit-Reset", "1");
                r.headers.put("X-Bkapi-RateLimit-Plugin", "bk-resource-rate-limit");
                yield r;
            }
            case SERVER_ERROR -> {
                int status = f.value() >= 500 && f.value() <= 599 ? (int) f.value() : 500;
                yield Sandbox.Response.text(status, switch (status) {
                    case 502 -> "502 Bad Gateway";
                    case 503 -> "503 Service Temporarily Unavailable";
                    case 504 -> "504 Gateway Time-out";
                    default -> "Internal Server Error";
                });
            }
            case HTML_LOGIN -> new Sandbox.Response(200, "text/html; charset=utf-8", LOGIN_PAGE.getBytes(StandardCharsets.UTF_8));
            case TRUNCATED, DROP, STALL, DROP_APPLIED -> {
                Sandbox.Response r = Sandbox.Response.json(200, Json.obj("result", true, "data",
                        Json.obj("api", api, "note", "the sandbox was asked to misbehave"), "code", 0, "message", ""));
                r.mode = f.kind();
                r.modeValue = f.value() > 0 ? f.value() : 30_000;
                yield r;
            }
            case HUGE -> {
                Sandbox.Response r = new Sandbox.Response(200, "application/json", new byte[0]);
                r.mode = f.kind();
                r.modeValue = f.value() > 0 ? f.value() : 50;
                yield r;
            }
            case MESSAGE_OBJECT -> Sandbox.Response.json(200, Json.obj("result", false, "data", null, "code", 3540000,
                    "message", Json.obj("limit", java.util.List.of("请输入一个有效的整数。 Enter a valid integer."))));
            case IAM_DENIED -> Sandbox.Response.json(200, Json.obj("result", false, "data", null,
                    "message", "iam authentication exception, please check, action:" + action(api), "code", 3599999));
            case IAM_DENIED_OLD -> Sandbox.Response.json(499, Json.obj("result", false, "code", 9900403,
                    "message", "you have no permission to operate", "data", null, "permission", Json.obj("system_id", "bk_sops",
                            "system_name", "标准运维", "actions", java.util.List.of(Json.obj("id", action(api), "name", action(api),
                                    "related_resource_types", java.util.List.of())))));
            case GATEWAY_401 -> Sandbox.Response.gateway(new GatewayError(401, 1640101, "APP_VERIFY_FAILED",
                    "App authentication failed [reason=\"app is not verified\"]"), esb);
            case GATEWAY_403 -> Sandbox.Response.gateway(new GatewayError(403, 1640301, "APP_NO_PERMISSION",
                    "App has no permission to the resource"), esb);
            case GATEWAY_404 -> Sandbox.Response.gateway(GatewayError.notFound("GET", "/" + api + "/"), esb);
        };
    }

    private static String action(String api) {
        Map<String, String> m = Map.of("get_template_list", "project_view", "get_task_list", "project_view",
                "get_template_info", "flow_view", "create_task", "flow_create_task", "start_task", "task_operate",
                "operate_task", "task_operate", "operate_node", "task_operate", "node_callback", "task_operate");
        return m.getOrDefault(api, "task_view");
    }

    static void write(Sandbox.Response r, HttpExchange ex) throws IOException {
        byte[] body = r.body;
        switch (r.mode) {
            case TRUNCATED -> {
                byte[] cut = Arrays.copyOf(body, body.length / 2);
                ex.sendResponseHeaders(r.status, cut.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(cut);
                }
            }
            case DROP, DROP_APPLIED -> {
                ex.sendResponseHeaders(r.status, body.length);
                OutputStream out = ex.getResponseBody();
                out.write(body, 0, body.length / 2);
                out.flush();
                // a handler that fails mid-body makes the server close the connection: exactly the fault wanted
                throw new IOException("sandbox fault: connection dropped mid-body");
            }
            case STALL -> {
                ex.sendResponseHeaders(r.status, body.length);
                try {
                    Thread.sleep(r.modeValue);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
            default -> { // HUGE
                byte[] head = "{\"result\":true,\"code\":0,\"message\":\"\",\"data\":\"".getBytes(StandardCharsets.US_ASCII);
                byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
                byte[] chunk = new byte[1 << 20];
                Arrays.fill(chunk, (byte) 'x');
                ex.sendResponseHeaders(200, head.length + (long) chunk.length * r.modeValue + tail.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(head);
                    for (long i = 0; i < r.modeValue; i++) out.write(chunk);
                    out.write(tail);
                }
            }
        }
    }
}
