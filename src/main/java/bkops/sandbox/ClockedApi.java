package bkops.sandbox;

import bkops.sandbox.World.Clocked;
import bkops.sandbox.World.Task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** create_clocked_task, get_clocked_task_list and the firing of clocked tasks on the sandbox clock. */
final class ClockedApi {
    /** ClockedTaskSerializer's DateTimeField(format="%Y-%m-%d %H:%M:%S%z"), in the server's zone. */
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxx").withZone(Call.ZONE);
    /**
     * What DRF's DateTimeField accepts (iso-8601): Django 4.2 django.utils.dateparse.parse_datetime, i.e. Python 3.11's
     * datetime.fromisoformat, else its datetime_re: a date, optionally "T" or a space and HH:MM[:SS[.ffffff]], then
     * an optional Z or +HH[[:]MM] offset.
     */
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:[.,](\\d{1,6})\\d{0,6})?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");
    private static final String BAD_FORMAT = "Datetime has wrong format. Use one of these formats instead: "
            + "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";

    private ClockedApi() {}

    /**
     * bk-sops gcloud/apigw/views/create_clocked_task.py: project templates only; the request's fields overwrite the
     * defaults (task_parameters whole); ClockedTaskSerializer validates, and its errors come back as 3546100 "params is
     * invalid, error: " + the error dict as Python prints it; the response is the serializer's data without
     * clocked_task_id.
     */
    static Map<String, Object> create(Call c) {
        Template tpl = TemplateApi.find(c, c.id("template_id"), "project");
        // DRF validates the fields in the serializer's order: task_parameters, plan_start_time, ..., task_name
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Object params = c.params.containsKey("task_parameters") ? c.params.get("task_parameters")
                : Json.obj("constants", new LinkedHashMap<>(), "template_schemes_id", new ArrayList<>());
        if (!(params instanceof Map<?, ?>)) {
            errors.put("task_parameters", List.of("Invalid data. Expected a dictionary, but got " + pyType(params) + ".|invalid"));
        } else {
            // serializer.py validate_task_parameters: one way of choosing nodes at most
            int ways = 0;
            for (String k : List.of("exclude_task_nodes_id", "template_schemes_id", "appoint_task_nodes_id")) {
                if (Py.truthy(Json.map(params).get(k))) ways++;
            }
            if (ways > 1) errors.put("task_parameters", List.of("can not use multiple method to appoint execute nodes|invalid"));
        }
        Long plan = null;
        Object when = c.params.get("plan_start_time");
        if (when == null) {
            errors.put("plan_start_time", List.of("This field is required.|required"));
        } else {
            plan = parse(String.valueOf(when));
            if (plan == null) {
                errors.put("plan_start_time", List.of(BAD_FORMAT + "|invalid"));
            } else if (plan < c.now) {
                // serializer.py validate_plan_start_time
                errors.put("plan_start_time", List.of("Plan start time should be later than the time to create the plan|invalid"));
            }
        }
        Object name = c.params.get("task_name");
        if (name == null) {
            errors.put("task_name", List.of("This field is required.|required"));
        } else if (String.valueOf(name).isBlank()) {
            errors.put("task_name", List.of("This field may not be blank.|blank"));
        } else if (String.valueOf(name).length() > 128) {
            errors.put("task_name", List.of("Ensure this field has no more than 128 characters.|max_length"));
        }
        if (!errors.isEmpty()) throw new SandboxError(3546100, "params is invalid, error: " + pyErrors(errors));
        Clocked k = new Clocked();
        k.id = c.world().nextClockedId++;
        k.taskName = String.valueOf(name);
        k.templateId = tpl.id();
        k.templateName = tpl.name();
        k.creator = c.user;
        k.planStartTime = plan;
        k.createTime = c.now;
        k.editTime = c.now;
        k.taskParameters = Json.copy(Json.map(params));
        k.clockedTaskId = 1000 + k.id;
        c.world().clocked.put(k.id, k);
        c.tx.dirty = true;
        Map<String, Object> data = item(k);
        data.remove("clocked_task_id");
        return Call.ok(data);
    }

    private static String pyType(Object o) {
        return o == null ? "NoneType" : o instanceof String ? "str" : o instanceof List<?> ? "list" : o instanceof Boolean ? "bool" : "int";
    }

    /** {'field': [ErrorDetail(string='...', code='...')]}: str() of DRF's ValidationError.detail. */
    private static String pyErrors(Map<String, List<String>> errors) {
        StringBuilder sb = new StringBuilder("{");
        errors.forEach((field, list) -> {
            if (sb.length() > 1) sb.append(", ");
            sb.append("'").append(field).append("': [");
            for (int i = 0; i < list.size(); i++) {
                String mc = list.get(i);
                int bar = mc.lastIndexOf('|');
                sb.append(i > 0 ? ", " : "").append("ErrorDetail(string=").append(Py.repr(mc.substring(0, bar)))
                        .append(", code='").append(mc.substring(bar + 1)).append("')");
            }
            sb.append("]");
        });
        return sb.append("}").toString();
    }

    /**
     * Epoch millis of a plan_start_time, or null when DRF would refuse it. Without an offset the time is made aware in
     * the current zone, bk-sops's TIME_ZONE Asia/Shanghai (the login-exempt view activates no project zone:
     * gcloud/core/middlewares.py TimezoneMiddleware). A bare date is midnight (fromisoformat).
     */
    static Long parse(String s) {
        Matcher m = ISO.matcher(s.strip());
        if (!m.matches()) return null;
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalDateTime t = date.atStartOfDay();
            if (m.group(4) != null) {
                String frac = m.group(7) == null ? "0" : (m.group(7) + "00000").substring(0, 6);
                t = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), Integer.parseInt(frac) * 1000);
            }
            String tz = m.group(8);
            if (tz == null) return t.atZone(Call.ZONE).toInstant().toEpochMilli();
            ZoneOffset offset = tz.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(tz.length() == 5 && tz.charAt(3) != ':'
                    ? tz.substring(0, 3) + ":" + tz.substring(3) : tz);
            return OffsetDateTime.of(t, offset).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            return null; // an impossible date or time: ValueError, then the format error
        }
    }

    /** ClockedTaskSerializer's fields in their order (id, declared fields, then the model's). */
    private static Map<String, Object> item(Clocked k) {
        return Json.obj("id", k.id, "task_parameters", k.taskParameters, "creator", k.creator, "editor", "", "state", k.state,
                "plan_start_time", OUT.format(Instant.ofEpochMilli(k.planStartTime)), "create_time", OUT.format(Instant.ofEpochMilli(k.createTime)),
                "edit_time", OUT.format(Instant.ofEpochMilli(k.editTime)), "project_id", SandboxCredentials.PROJECT_ID,
                "task_id", k.taskId, "task_name", k.taskName, "template_id", k.templateId, "template_name", k.templateName,
                "template_source", "project", "clocked_task_id", k.clockedTaskId);
    }

    /**
     * get_clocked_task_list (bk-sops 3.34.17 gcloud/apigw/views/get_clocked_task_list.py): the project's clocked
     * tasks, newest first (ClockedTask.Meta.ordering "-id"), filtered by id, task_name, creator, editor (contains)
     * and state, paged by limit/offset with the total in the top-level count.
     */
    static Map<String, Object> list(Call c) {
        Long id = null;
        if (c.str("id") != null && !c.str("id").isEmpty()) {
            id = Json.asLong(c.params.get("id"));
            if (id == null) throw new SandboxError(3540000, "参数id必须为数字");
        }
        String state = c.str("state");
        if (state != null && !state.isEmpty() && !List.of("not_started", "started", "start_failed").contains(state)) {
            throw new SandboxError(3540000, "参数state必须为以下值之一: not_started, started, start_failed");
        }
        Long limit = c.params.containsKey("limit") ? Json.asLong(c.params.get("limit")) : Long.valueOf(100);
        Long offset = c.params.containsKey("offset") ? Json.asLong(c.params.get("offset")) : Long.valueOf(0);
        if (limit == null || offset == null || limit < 0 || offset < 0) {
            // paginate_list_data raises, and this view does not catch it
            throw new IllegalStateException("[API] pagination error");
        }
        List<Map<String, Object>> matched = new ArrayList<>();
        for (Clocked k : c.world().clocked.descendingMap().values()) {
            if (id != null && k.id != id) continue;
            if (!contains(k.taskName, c.str("task_name")) || !contains(k.creator, c.str("creator")) || !contains("", c.str("editor"))) continue;
            if (state != null && !state.isEmpty() && !state.equals(k.state)) continue;
            Map<String, Object> m = item(k);
            m.put("auth_actions", List.of("clocked_task_view", "clocked_task_edit", "clocked_task_delete", "flow_view"));
            matched.add(m);
        }
        int from = (int) Math.min(offset, matched.size());
        int to = (int) Math.min(from + Math.min(limit, 200), matched.size());
        Map<String, Object> body = Call.ok(new ArrayList<Object>(matched.subList(from, to)));
        body.remove("message");
        body.put("count", matched.size());
        return body;
    }

    private static boolean contains(String value, String filter) {
        return filter == null || filter.isEmpty() || value.toLowerCase().contains(filter.toLowerCase());
    }

    /**
     * Fires the clocked tasks due by {@code now} (django-celery-beat's one-off ClockedSchedule), as bk-sops
     * gcloud/clocked_task/tasks.py clocked_task_start does: a task named "<task_name>_<%Y%m%d%H%M%S in the project's
     * zone>" (at most 128 characters), nodes left out by exclude_task_nodes_id, else appoint_task_nodes_id, else the
     * schemes of template_schemes_id (primary keys, all of which must exist), created with create_method "clocked"
     * and started by the clocked task's creator; state started, or start_failed when anything fails.
     */
    static void runDue(Store.Tx tx, long now) {
        for (Clocked k : tx.world.clocked.values()) {
            if (!"not_started".equals(k.state) || k.planStartTime > now) continue;
            long at = k.planStartTime;
            tx.dirty = true;
            Template tpl = Seed.templates().get(k.templateId);
            try {
                List<String> excluded = excluded(tpl, k.taskParameters);
                Task t = new Task();
                t.id = tx.world.nextTaskId++;
                String name = k.taskName + "_" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(Call.ZONE).format(Instant.ofEpochMilli(at));
                t.name = name.length() > 128 ? name.substring(0, 128) : name;
                t.templateId = tpl.id();
                t.templateSource = "project";
                t.category = tpl.category();
                t.creator = k.creator;
                t.executor = k.creator;
                t.createMethod = "clocked";
                t.createTime = at;
                t.pipelineTree = TemplateApi.taskTree(tpl, excluded, Json.map(k.taskParameters.get("constants")));
                TaskApi.autoRetryStrategies(t);
                tx.world.tasks.put(t.id, t);
                k.taskId = t.id;
                k.state = "started";
                Engine.start(t, at, k.creator);
            } catch (RuntimeException e) {
                k.state = "start_failed";
            }
        }
    }

    /** tasks.py parse_exclude_task_nodes_id_from_params. */
    private static List<String> excluded(Template tpl, Map<String, Object> params) {
        if (Py.truthy(params.get("exclude_task_nodes_id"))) return TemplateApi.stringList(params.get("exclude_task_nodes_id"));
        Map<String, Object> activities = Json.map(tpl.tree().get("activities"));
        List<String> out = new ArrayList<>();
        if (Py.truthy(params.get("appoint_task_nodes_id"))) {
            // preview_base.py get_template_exclude_task_nodes_with_appoint_nodes
            List<String> appointed = TemplateApi.stringList(params.get("appoint_task_nodes_id"));
            activities.forEach((id, a) -> {
                if (Py.truthy(Json.map(a).get("optional")) && !appointed.contains(id)) out.add(id);
            });
        } else if (Py.truthy(params.get("template_schemes_id"))) {
            // get_template_exclude_task_nodes_with_schemes(check_schemes_exist=True): TemplateScheme primary keys
            List<String> chosen = new ArrayList<>();
            for (String pk : TemplateApi.stringList(params.get("template_schemes_id"))) {
                Template.Scheme s = tpl.schemes().stream().filter(x -> String.valueOf(x.id()).equals(pk)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("not all input scheme id exit"));
                chosen.addAll(s.nodeIds());
            }
            activities.forEach((id, a) -> {
                if (Py.truthy(Json.map(a).get("optional")) && !chosen.contains(id)) out.add(id);
            });
        }
        return out;
    }
}
