package bkops.sandbox;

import bkops.sandbox.World.Periodic;
import bkops.sandbox.World.Task;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The six periodic task APIs and the firing of due periodic tasks (evaluated when a request arrives). */
final class PeriodicApi {
    private PeriodicApi() {}

    private static Periodic find(Call c) {
        Periodic p = c.world().periodic.get(c.id("task_id"));
        if (p == null) throw new SandboxError(3540400, "task(" + c.params.get("task_id") + ") does not exist");
        return p;
    }

    static Map<String, Object> list(Call c) {
        List<Object> out = new ArrayList<>();
        for (Periodic p : c.world().periodic.descendingMap().values()) out.add(summary(c, p));
        return Call.ok(out);
    }

    private static Map<String, Object> summary(Call c, Periodic p) {
        Map<String, Object> m = Json.obj("id", p.id, "name", p.name, "template_id", String.valueOf(p.templateId),
                "template_source", p.templateSource, "creator", p.creator, "cron", Cron.display(p.cron), "enabled", p.enabled,
                "last_run_at", Call.time(p.lastRunAt), "total_run_count", p.totalRunCount);
        m.put("auth_actions", List.of("periodic_task_view", "periodic_task_edit", "periodic_task_delete"));
        if (Json.flag(c.params, "include_edit_info")) {
            m.put("editor", p.creator);
            m.put("edit_time", Call.time(p.editTime));
            m.put("is_latest", true);
        }
        return m;
    }

    static Map<String, Object> info(Call c) {
        return Call.ok(full(c, find(c)));
    }

    private static Map<String, Object> full(Call c, Periodic p) {
        Map<String, Object> m = summary(c, p);
        Map<String, Object> form = new LinkedHashMap<>();
        Json.map(p.pipelineTree.get("constants")).forEach((k, v) -> {
            if ("show".equals(Json.map(v).get("show_type"))) form.put(k, v);
        });
        m.put("form", form);
        m.put("pipeline_tree", p.pipelineTree);
        return m;
    }

    static Map<String, Object> create(Call c) {
        Template tpl = TemplateApi.find(c, c.id("template_id"), c.str("template_source"));
        Object name = c.params.get("name");
        if (!(name instanceof String n) || n.isEmpty() || n.length() > 50) {
            throw new SandboxError(3540000, "task params is invalid: " + (name == null ? "'name' is a required property"
                    : "'" + name + "' is " + (String.valueOf(name).isEmpty() ? "too short" : "too long")));
        }
        Object cron = c.params.get("cron");
        if (cron == null) throw new SandboxError(3540000, "task params is invalid: 'cron' is a required property");
        if (!(cron instanceof Map)) {
            throw new SandboxError(3540000, "task params is invalid: " + quote(cron) + " is not of type 'object'");
        }
        Map<String, String> parsed = parseCron(Json.map(cron));
        Periodic p = new Periodic();
        p.id = c.world().nextPeriodicId++;
        p.name = n;
        p.templateId = tpl.id();
        p.templateSource = tpl.common() ? "common" : "project";
        p.creator = c.user;
        p.cron = parsed;
        p.createTime = c.now;
        p.editTime = c.now;
        try {
            p.pipelineTree = TemplateApi.taskTree(tpl, TemplateApi.stringList(c.params.get("exclude_task_nodes_id")),
                    Json.map(c.params.get("constants")));
        } catch (IllegalArgumentException e) {
            throw new SandboxError(3540000, "task params is invalid: " + e.getMessage());
        }
        c.world().periodic.put(p.id, p);
        c.tx.dirty = true;
        return Call.ok(full(c, p));
    }

    private static String quote(Object o) {
        return o instanceof String s ? "'" + s + "'" : String.valueOf(o);
    }

    private static Map<String, String> parseCron(Map<String, Object> cron) {
        try {
            return Cron.normalize(cron);
        } catch (IllegalArgumentException e) {
            throw new SandboxError(3599999, e.getMessage());
        }
    }

    static Map<String, Object> setEnabled(Call c) {
        Periodic p = find(c);
        Object v = c.params.get("enabled");
        boolean enabled = Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(String.valueOf(v));
        if (enabled && !p.enabled) p.scheduledFrom = c.now;
        p.enabled = enabled;
        p.editTime = c.now;
        c.tx.dirty = true;
        return Call.ok(Json.obj("enabled", p.enabled));
    }

    static Map<String, Object> modifyCron(Call c) {
        Periodic p = find(c);
        Object cron = c.params.get("cron");
        if (!(cron instanceof Map)) throw new SandboxError(3599999, "'" + (cron == null ? "NoneType" : "str") + "' object has no attribute 'get'");
        p.cron = parseCron(Json.map(cron));
        p.scheduledFrom = Math.max(p.scheduledFrom, c.now);
        p.editTime = c.now;
        c.tx.dirty = true;
        return Call.ok(Json.obj("cron", Cron.display(p.cron)));
    }

    static Map<String, Object> modifyConstants(Call c) {
        Periodic p = find(c);
        Map<String, Object> declared = Json.map(p.pipelineTree.get("constants"));
        Map<String, Object> given = Json.map(c.params.get("constants"));
        if (given != null) {
            given.forEach((k, v) -> {
                Map<String, Object> decl = Json.map(declared.get(k));
                if (decl != null) decl.put("value", v);
            });
        }
        p.editTime = c.now;
        c.tx.dirty = true;
        return Call.ok(declared);
    }

    /** Starts a task for each enabled periodic task whose next run is due: missed periods collapse into one run. */
    static void runDue(Store.Tx tx, long now) {
        for (Periodic p : tx.world.periodic.values()) {
            if (!p.enabled) continue;
            ZonedDateTime from = Instant.ofEpochMilli(p.scheduledFrom).atZone(Call.ZONE);
            ZonedDateTime due = Cron.next(p.cron, from);
            if (due == null || due.toInstant().toEpochMilli() > now) continue;
            long at = due.toInstant().toEpochMilli();
            Task t = new Task();
            t.id = tx.world.nextTaskId++;
            t.name = p.name + "_" + Call.time(at).substring(0, 19).replace(' ', '_');
            t.templateId = p.templateId;
            t.templateSource = p.templateSource;
            t.category = "Periodic";
            t.creator = p.creator;
            t.createMethod = "periodic";
            t.createTime = at;
            t.pipelineTree = TemplateApi.reinstantiate(p.pipelineTree);
            TaskApi.autoRetryStrategies(t); // bk-sops gcloud/periodictask/signals/handlers.py: batch_create_strategy too
            tx.world.tasks.put(t.id, t);
            Engine.start(t, at, p.creator);
            p.taskIds.add(t.id);
            p.totalRunCount++;
            p.lastRunAt = at;
            p.scheduledFrom = now; // periods missed while nobody asked collapse into this one run
            tx.dirty = true;
        }
    }
}
