package bkops.sandbox;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The SOPS API table: method, gateway path parameters in their real order, and the handler. */
final class SopsRoutes {
    /** {@code gateway} false = reachable on ESB (and the backend) only, like query_task_count. */
    record Route(String method, List<String> pathParams, boolean gateway, boolean esb, Function<Call, Map<String, Object>> handler) {
        Route(String method, List<String> pathParams, boolean gateway, Function<Call, Map<String, Object>> handler) {
            this(method, pathParams, gateway, true, handler);
        }
    }

    private static final List<String> TASK_BIZ = List.of("task_id", "bk_biz_id");
    private static final List<String> TEMPLATE_BIZ = List.of("template_id", "bk_biz_id");
    private static final List<String> BIZ = List.of("bk_biz_id");

    static final Map<String, Route> ROUTES = Map.ofEntries(
            Map.entry("get_template_list", new Route("GET", BIZ, true, TemplateApi::list)),
            Map.entry("get_template_info", new Route("GET", TEMPLATE_BIZ, true, TemplateApi::info)),
            Map.entry("get_common_template_list", new Route("GET", List.of(), true, TemplateApi::commonList)),
            Map.entry("get_template_schemes", new Route("GET", List.of("bk_biz_id", "template_id"), true, TemplateApi::schemes)),
            Map.entry("preview_task_tree", new Route("POST", List.of("bk_biz_id", "template_id"), true, TemplateApi::preview)),
            Map.entry("create_task", new Route("POST", TEMPLATE_BIZ, true, c -> TaskApi.create(c, false))),
            Map.entry("create_and_start_task", new Route("POST", TEMPLATE_BIZ, true, c -> TaskApi.create(c, true))),
            Map.entry("start_task", new Route("POST", TASK_BIZ, true, TaskApi::start)),
            Map.entry("operate_task", new Route("POST", TASK_BIZ, true, TaskApi::operate)),
            Map.entry("get_task_status", new Route("GET", TASK_BIZ, true, TaskApi::status)),
            Map.entry("get_tasks_status", new Route("POST", BIZ, true, TaskApi::statuses)),
            Map.entry("get_task_list", new Route("GET", BIZ, true, TaskApi::list)),
            Map.entry("get_task_detail", new Route("GET", TASK_BIZ, true, TaskApi::detail)),
            Map.entry("get_task_node_detail", new Route("GET", TASK_BIZ, true, TaskApi::nodeDetail)),
            Map.entry("get_task_node_data", new Route("GET", List.of("bk_biz_id", "task_id"), true, TaskApi::nodeData)),
            Map.entry("node_callback", new Route("POST", TASK_BIZ, true, NodeApi::nodeCallback)),
            Map.entry("operate_node", new Route("POST", List.of("bk_biz_id", "task_id"), true, NodeApi::operate)),
            Map.entry("query_task_count", new Route("POST", BIZ, false, TaskApi::count)),
            Map.entry("get_periodic_task_list", new Route("GET", BIZ, true, PeriodicApi::list)),
            Map.entry("get_periodic_task_info", new Route("GET", TASK_BIZ, true, PeriodicApi::info)),
            Map.entry("create_periodic_task", new Route("POST", TEMPLATE_BIZ, true, PeriodicApi::create)),
            Map.entry("set_periodic_task_enabled", new Route("POST", TASK_BIZ, true, PeriodicApi::setEnabled)),
            Map.entry("modify_cron_for_periodic_task", new Route("POST", TASK_BIZ, true, PeriodicApi::modifyCron)),
            Map.entry("modify_constants_for_periodic_task", new Route("POST", TASK_BIZ, true, PeriodicApi::modifyConstants)),
            // issue 15, the operator's console. gateway/esb: bk-sops api-resources.yml (3.34.17, which declares
            // get_clocked_task_list, create_and_start_task and claim_functionalization_task; V3.34.12 does not) and
            // the ESB components of V3.34.12 docs/apidoc/sops.yaml
            Map.entry("get_task_node_log", new Route("GET", TASK_BIZ, true, false, NodeLogs::view)),
            // the route's second segment is project_id: named bk_biz_id here so that project_inject's scope check runs
            Map.entry("get_task_operate_record", new Route("GET", TASK_BIZ, true, false, OperateRecords::list)),
            Map.entry("create_clocked_task", new Route("POST", TEMPLATE_BIZ, true, false, ClockedApi::create)),
            Map.entry("get_clocked_task_list", new Route("GET", BIZ, true, false, ClockedApi::list)),
            Map.entry("get_plugin_list", new Route("GET", BIZ, true, Plugins::list)),
            Map.entry("claim_functionalization_task", new Route("POST", TASK_BIZ, true, FunctionTasks::claim)),
            Map.entry("get_functionalization_task_list", new Route("GET", List.of(), true, FunctionTasks::list)),
            Map.entry("get_user_project_list", new Route("GET", List.of(), true, SopsRoutes::projects)),
            Map.entry("get_user_project_detail", new Route("GET", BIZ, true, SopsRoutes::project)));

    private SopsRoutes() {}

    private static Map<String, Object> projects(Call c) {
        return Call.ok(List.of(Json.obj("project_id", SandboxCredentials.PROJECT_ID, "bk_biz_id", SandboxCredentials.BIZ_ID,
                "name", Seed.BIZ_NAME)));
    }

    private static Map<String, Object> project(Call c) {
        Map<String, Object> m = Json.obj("project_id", SandboxCredentials.PROJECT_ID, "project_name", Seed.BIZ_NAME, "from_cmdb", true,
                "bk_biz_id", SandboxCredentials.BIZ_ID, "bk_biz_name", Seed.BIZ_NAME, "bk_biz_developer", "admin",
                "bk_biz_maintainer", "admin", "bk_biz_tester", "admin", "bk_biz_productor", "admin");
        m.put("auth_actions", List.of("project_view", "project_edit", "project_fast_create_task"));
        return Call.ok(m);
    }

    /** Checks scope + bk_biz_id: cmdb_biz (default) names business 2, any other scope names project 1. */
    static void checkScope(Map<String, Object> params, Route route) {
        if (!route.pathParams().contains("bk_biz_id")) return;
        String scope = Json.str(params.get("scope"));
        Long id = Json.asLong(params.get("bk_biz_id"));
        boolean cmdb = scope == null || scope.isEmpty() || scope.equals("cmdb_biz");
        long expected = cmdb ? SandboxCredentials.BIZ_ID : SandboxCredentials.PROJECT_ID;
        if (id == null || id != expected) {
            throw new SandboxError(3540400, "project(" + params.get("bk_biz_id") + ") with scope(" + (cmdb ? "cmdb_biz" : scope) + ") does not exist.");
        }
    }
}
