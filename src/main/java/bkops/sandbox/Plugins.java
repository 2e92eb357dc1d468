package bkops.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * get_plugin_list: the plugin versions the seeded templates use, as bk-sops lists them (gcloud/apigw/views/
 * get_plugin_list.py: every enabled ComponentModel, each version its own entry, with inputs_format, outputs_format,
 * desc, code, name, group_name, version and form). Names, groups, versions and forms are the plugins' own
 * (pipeline_plugins/components/collections/...); outputs end with the engine's default outputs (bamboo-pipeline
 * pipeline/core/flow/activity/service_activity.py Service.default_outputs). Inputs list the keys the sandbox reads.
 */
final class Plugins {
    private static final String STATIC = "/static/";
    private static final String BK = "蓝鲸服务(BK)";
    private static final String JOB = "作业平台(JOB)";

    private Plugins() {}

    private static Map<String, Object> schema(String type, String description) {
        return Json.obj("type", type, "description", description, "enum", List.of());
    }

    private static Map<String, Object> in(String name, String key, String type, String description) {
        return Json.obj("name", name, "key", key, "type", type, "schema", schema(type, description), "required", true);
    }

    private static Map<String, Object> out(String name, String key, String type, String description) {
        return Json.obj("name", name, "key", key, "type", type, "schema", schema(type, description));
    }

    @SafeVarargs
    private static List<Object> outputs(Map<String, Object>... own) {
        List<Object> l = new ArrayList<>(List.of(own));
        l.add(out("执行结果", "_result", "boolean", "执行结果的布尔值，True or False"));
        l.add(out("循环次数", "_loop", "int", "循环执行次数"));
        l.add(out("当前流程循环次数", "_inner_loop", "int", "在当前流程节点循环执行次数，由父流程重新进入时会重置（仅支持新版引擎）"));
        return l;
    }

    private static Map<String, Object> plugin(String code, String name, String group, String version, String form, String desc,
                                              List<Object> inputs, List<Object> outputs) {
        return Json.obj("inputs", inputs, "outputs", outputs, "desc", desc, "code", code, "name", name, "group_name", group,
                "version", version, "form", STATIC + form);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> list(Call c) {
        List<Object> data = List.of(
                // collections/controller.py SleepTimerComponent (version legacy: Component's default)
                plugin("sleep_timer", "定时", BK, "legacy", "components/atoms/bk/timer.js", "",
                        List.of(in("定时时间", "bk_timing", "string", "定时时间，格式为秒(s) 或 (%Y-%m-%d %H:%M:%S)"),
                                in("是否强制晚于当前时间", "force_check", "bool", "用户输入日期格式时是否强制要求时间晚于当前时间，只对日期格式定时输入有效")),
                        outputs()),
                // collections/controller.py PauseComponent
                plugin("pause_node", "人工确认(暂停)", BK, "legacy", "components/atoms/bk/pause.js",
                        "该节点可以通过node_callback API接口进行回调并传入数据，callback_data参数为dict类型，回调数据会作为该节点的输出数据",
                        List.of(in("描述", "description", "string", "描述")),
                        outputs(out("API回调数据", "callback_data", "object", "通过node_callback API接口回调并传入数据,支持dict数据"))),
                // sites/open/bk/display/v1_0.py DisplayComponent
                plugin("bk_display", "消息展示", BK, "1.0", "components/atoms/bk/display/v1_0.js", "本插件为仅用于消息展示的空节点",
                        List.of(in("展示内容", "bk_display_message", "string", "展示内容")), outputs()),
                // collections/common.py and http/v1_0.py HttpComponent
                plugin("bk_http_request", "HTTP 请求", BK, "legacy", "components/atoms/bk/http/legacy.js",
                        "提示: 1.请求URL需要在当前网络下可以访问，否则会超时失败 2.响应状态码在200-300(不包括300)之间，并且响应内容是 JSON 格式才会执行成功",
                        List.of(in("请求方式", "bk_http_request_method", "string", "请求方式"),
                                in("URL", "bk_http_request_url", "string", "请求目标地址"),
                                in("Body", "bk_http_request_body", "string", "请求体")),
                        outputs(out("响应内容", "data", "object", "HTTP响应内容"), out("状态码", "status_code", "int", "HTTP响应状态码"))),
                plugin("bk_http_request", "HTTP 请求", BK, "v1.0", "components/atoms/bk/http/v1_0.js",
                        "提示: 1.请求URL需要在当前网络下可以访问，否则会超时失败 2.响应状态码在200-300(不包括300)之间，并且响应内容是 JSON 格式才会执行成功",
                        List.of(in("请求方式", "bk_http_request_method", "string", "请求方式"),
                                in("URL", "bk_http_request_url", "string", "请求目标地址"),
                                in("Body", "bk_http_request_body", "string", "请求体")),
                        outputs(out("响应内容", "data", "object", "HTTP响应内容"), out("状态码", "status_code", "int", "HTTP响应状态码"))),
                // sites/open/bk/approve/v1_0.py ApproveComponent
                plugin("bk_approve", "审批", BK, "v1.0", "components/atoms/bk/approve/v1_0.js", "",
                        List.of(in("审核人", "bk_verifier", "string", "多个用英文逗号 `,` 分隔"),
                                in("审批标题", "bk_approve_title", "string", "审批标题"),
                                in("审批内容", "bk_approve_content", "string", "审批内容")),
                        outputs(out("单据sn", "sn", "string", "单据sn"), out("审核结果", "approve_result", "string", "审核结果"))),
                // sites/open/job/execute_task/legacy.py JobExecuteTaskComponent
                plugin("job_execute_task", "执行作业", JOB, "legacy", "components/atoms/job/job_execute_task.js",
                        "跨业务选项打开时IP参数需要按照(管控区域ID:IP)格式填写，否则会尝试从本业务下获取IP信息",
                        List.of(in("作业模板 ID", "job_plan_id", "int", "需要执行的 JOB 作业模板 ID")),
                        outputs(out("JOB任务ID", "job_inst_id", "int", "提交的任务在 JOB 平台的实例 ID"),
                                out("JOB任务链接", "job_inst_url", "string", "JOB 平台任务 URL"))),
                // sites/open/job/fast_execute_script/legacy.py and v2_0.py JobFastExecuteScriptComponent
                plugin("job_fast_execute_script", "快速执行脚本", JOB, "legacy", "components/atoms/job/job_fast_execute_script.js", "",
                        List.of(in("脚本内容", "job_content", "string", "编写的脚本内容"),
                                in("目标IP", "job_ip_list", "string", "IP 列表"), in("执行账户", "job_account", "string", "执行账户")),
                        outputs(out("JOB任务ID", "job_inst_id", "int", "提交的任务在 JOB 平台的实例 ID"))),
                plugin("job_fast_execute_script", "快速执行脚本", JOB, "v2.0", "components/atoms/job/fast_execute_script/v2_0.js", "",
                        List.of(in("脚本内容", "job_content", "string", "编写的脚本内容"),
                                in("目标IP", "job_ip_list", "string", "IP 列表"), in("执行账户", "job_account", "string", "执行账户"),
                                in("滚动执行", "job_rolling_config", "object", "滚动执行配置")),
                        outputs(out("JOB任务ID", "job_inst_id", "int", "提交的任务在 JOB 平台的实例 ID"))),
                // sites/open/job/fast_push_file/v3_0.py JobFastPushFileComponent
                plugin("job_fast_push_file", "快速分发文件", JOB, "v3.0", "components/atoms/job/fast_push_file/v3_0.js", "",
                        List.of(in("源文件", "job_source_files", "array", "源文件"), in("分发配置", "job_dispatch_attr", "array", "分发配置")),
                        outputs(out("JOB任务ID列表", "job_instance_id_list", "array", "JOB任务ID列表"))));
        return Call.ok(data);
    }
}
