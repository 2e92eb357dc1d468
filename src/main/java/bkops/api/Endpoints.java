package bkops.api;

import bkops.api.Endpoint.Method;
import bkops.api.Endpoint.Service;

import java.util.List;

/**
 * The one table of every endpoint's shape: paths as bk-sops gcloud/apigw/urls.py and its gateway resources
 * (gcloud/apigw/management/commands/data/api-resources.yml) declare them, Job's as bk-job's ESB v3 API.
 * Four SOPS endpoints put bk_biz_id first; the rest put the task/template id first.
 */
public final class Endpoints {
    private Endpoints() {}

    private static final List<String> BIZ = List.of("bk_biz_id");
    private static final List<String> TEMPLATE_BIZ = List.of("template_id", "bk_biz_id");
    private static final List<String> BIZ_TEMPLATE = List.of("bk_biz_id", "template_id");
    private static final List<String> TASK_BIZ = List.of("task_id", "bk_biz_id");
    private static final List<String> BIZ_TASK = List.of("bk_biz_id", "task_id");

    private static Endpoint sopsRead(String name, List<String> path) {
        return new Endpoint(Service.SOPS, name, Method.GET, path, true, true, true);
    }

    private static Endpoint sopsWrite(String name, List<String> path) {
        return new Endpoint(Service.SOPS, name, Method.POST, path, false, true, true);
    }

    // Templates
    public static final Endpoint GET_TEMPLATE_LIST = sopsRead("get_template_list", BIZ);
    public static final Endpoint GET_TEMPLATE_INFO = sopsRead("get_template_info", TEMPLATE_BIZ);
    public static final Endpoint GET_COMMON_TEMPLATE_LIST = sopsRead("get_common_template_list", List.of());
    public static final Endpoint GET_TEMPLATE_SCHEMES = sopsRead("get_template_schemes", BIZ_TEMPLATE);
    /** POST but changes nothing, so it may be retried. */
    public static final Endpoint PREVIEW_TASK_TREE =
            new Endpoint(Service.SOPS, "preview_task_tree", Method.POST, BIZ_TEMPLATE, true, true, true);

    // Tasks
    public static final Endpoint CREATE_TASK = sopsWrite("create_task", TEMPLATE_BIZ);
    public static final Endpoint START_TASK = sopsWrite("start_task", TASK_BIZ);
    public static final Endpoint OPERATE_TASK = sopsWrite("operate_task", TASK_BIZ);
    public static final Endpoint GET_TASK_STATUS = sopsRead("get_task_status", TASK_BIZ);
    public static final Endpoint GET_TASKS_STATUS =
            new Endpoint(Service.SOPS, "get_tasks_status", Method.POST, BIZ, true, true, true);
    public static final Endpoint GET_TASK_LIST = sopsRead("get_task_list", BIZ);
    public static final Endpoint GET_TASK_DETAIL = sopsRead("get_task_detail", TASK_BIZ);
    public static final Endpoint GET_TASK_NODE_DETAIL = sopsRead("get_task_node_detail", TASK_BIZ);
    public static final Endpoint GET_TASK_NODE_DATA = sopsRead("get_task_node_data", BIZ_TASK);
    /**
     * Reachable through ESB (bk-sops docs/apidoc/sops.yaml) and the backend, but not declared as a gateway resource
     * (absent from gcloud/apigw/management/commands/data/api-resources.yml).
     */
    public static final Endpoint QUERY_TASK_COUNT =
            new Endpoint(Service.SOPS, "query_task_count", Method.POST, BIZ, true, false, true);

    // Nodes
    public static final Endpoint OPERATE_NODE = sopsWrite("operate_node", BIZ_TASK);
    public static final Endpoint NODE_CALLBACK = sopsWrite("node_callback", TASK_BIZ);

    // Periodic tasks
    public static final Endpoint GET_PERIODIC_TASK_LIST = sopsRead("get_periodic_task_list", BIZ);
    public static final Endpoint GET_PERIODIC_TASK_INFO = sopsRead("get_periodic_task_info", TASK_BIZ);
    public static final Endpoint CREATE_PERIODIC_TASK = sopsWrite("create_periodic_task", TEMPLATE_BIZ);
    public static final Endpoint SET_PERIODIC_TASK_ENABLED = sopsWrite("set_periodic_task_enabled", TASK_BIZ);
    public static final Endpoint MODIFY_CRON_FOR_PERIODIC_TASK = sopsWrite("modify_cron_for_periodic_task", TASK_BIZ);
    public static final Endpoint MODIFY_CONSTANTS_FOR_PERIODIC_TASK =
            sopsWrite("modify_constants_for_periodic_task", TASK_BIZ);

    // The operator's console (issue 15). Gateway resources from bk-sops gcloud/apigw/management/commands/data/
    // api-resources.yml, ESB components from docs/apidoc/sops.yaml (V3.34.12; later snapshots have no ESB list).

    /**
     * A node's execution log. Gateway only, and private (isPublic false, allowApplyPermission false,
     * resourcePermissionRequired true): the gateway's administrator must grant the app. Success has no code and a
     * top-level page (bk-sops gcloud/apigw/views/get_task_node_log.py, a DRF view).
     */
    public static final Endpoint GET_TASK_NODE_LOG =
            new Endpoint(Service.SOPS, "get_task_node_log", Method.GET, TASK_BIZ, true, true, false, true);
    /**
     * Who did what to a task. Gateway only. Its second segment is the route's project_id and the view filters the
     * records by it as given (gcloud/apigw/views/get_task_operate_record.py: filters = {"project_id": project_id, ...}),
     * so send the SOPS project id with scope=project, never the business id.
     */
    public static final Endpoint GET_TASK_OPERATE_RECORD = new Endpoint(Service.SOPS, "get_task_operate_record",
            Method.GET, List.of("task_id", "project_id"), true, true, false);
    /**
     * Creates and starts in one call. A gateway resource from bk-sops 3.34.17 on (V3.34.12 routes it in urls.py but
     * declares no resource: the gateway answers 404 there); on ESB in both.
     */
    public static final Endpoint CREATE_AND_START_TASK = sopsWrite("create_and_start_task", TEMPLATE_BIZ);
    /** A task created at a planned time. Gateway only, private (isPublic/allowApplyPermission false). */
    public static final Endpoint CREATE_CLOCKED_TASK =
            new Endpoint(Service.SOPS, "create_clocked_task", Method.POST, TEMPLATE_BIZ, false, true, false, true);
    /** Gateway only, from bk-sops 3.34.17 on (not in V3.34.12, whose console reads /api/v4/clocked_task/ with a login). */
    public static final Endpoint GET_CLOCKED_TASK_LIST =
            new Endpoint(Service.SOPS, "get_clocked_task_list", Method.GET, BIZ, true, true, false);
    public static final Endpoint GET_PLUGIN_LIST = sopsRead("get_plugin_list", BIZ);
    /**
     * Claims a functional (common_func) task; it does not start it. On ESB; on the gateway from 3.34.17 on, private
     * (isPublic/allowApplyPermission false).
     */
    public static final Endpoint CLAIM_FUNCTIONALIZATION_TASK = new Endpoint(Service.SOPS,
            "claim_functionalization_task", Method.POST, TASK_BIZ, false, true, true, true);
    /** No project in the path: every project's functional tasks unless the project_id (a SOPS project id) filters. */
    public static final Endpoint GET_FUNCTIONALIZATION_TASK_LIST =
            sopsRead("get_functionalization_task_list", List.of());

    // Projects
    public static final Endpoint GET_USER_PROJECT_LIST = sopsRead("get_user_project_list", List.of());
    public static final Endpoint GET_USER_PROJECT_DETAIL = sopsRead("get_user_project_detail", BIZ);

    // Job v3: gateway GET for reads, POST for operations; ESB takes POST for everything.
    private static Endpoint jobRead(String name, boolean onEsb) {
        return new Endpoint(Service.JOB, name, Method.GET, List.of(), true, true, onEsb);
    }

    public static final Endpoint GET_JOB_INSTANCE_STATUS = jobRead("get_job_instance_status", true);
    public static final Endpoint GET_STEP_INSTANCE_STATUS = jobRead("get_step_instance_status", false);
    public static final Endpoint GET_JOB_INSTANCE_IP_LOG = jobRead("get_job_instance_ip_log", true);
    /** bk-job EsbGetJobInstanceListV3Resource: GET and POST; on ESB (docs/apidoc/esb/jobv3-confapis/job.yaml). */
    public static final Endpoint GET_JOB_INSTANCE_LIST = jobRead("get_job_instance_list", true);
    public static final Endpoint BATCH_GET_JOB_INSTANCE_IP_LOG =
            new Endpoint(Service.JOB, "batch_get_job_instance_ip_log", Method.POST, List.of(), true, true, true);
    public static final Endpoint OPERATE_STEP_INSTANCE =
            new Endpoint(Service.JOB, "operate_step_instance", Method.POST, List.of(), false, true, true);
    public static final Endpoint OPERATE_JOB_INSTANCE =
            new Endpoint(Service.JOB, "operate_job_instance", Method.POST, List.of(), false, true, true);
}
