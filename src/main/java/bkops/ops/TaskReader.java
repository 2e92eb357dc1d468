package bkops.ops;

import bkops.api.ApiException;
import bkops.api.JobApi;
import bkops.api.SopsApi;
import bkops.model.PipelineTree;
import bkops.model.State;
import bkops.model.TaskStatus;
import bkops.model.job.JobInstance;
import bkops.model.job.JobLink;
import bkops.model.job.RunStatus;
import bkops.model.job.StepInstance;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads task snapshots: one task through get_task_status (with the error texts), many through get_tasks_status in
 * batches of 50 read concurrently. A task's pipeline tree never changes, so it is read once (get_task_detail) and kept.
 * Polls may be answered from the server's 10 s status cache; {@link #fresh} reads what the engine has now.
 */
public final class TaskReader {
    /** get_tasks_status takes at most 50 ids (bk-sops gcloud/apigw/views/get_tasks_status.py: len(task_ids) > 50). */
    public static final int BATCH = 50;
    private static final int PARALLEL_BATCHES = 8;

    private final SopsApi api;
    private final JobApi job;
    private final Map<String, PipelineTree> trees = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();

    /** @param job reads the Job instances running nodes started (a node waiting for a person there) */
    public TaskReader(SopsApi api, JobApi job) {
        this.api = api;
        this.job = job;
    }

    /** The pipeline tree of a task (read once). */
    public PipelineTree tree(String taskId) {
        PipelineTree t = trees.get(taskId);
        if (t == null) {
            JsonNode detail = api.taskDetail(taskId);
            t = PipelineTree.parse(detail.path("pipeline_tree"));
            trees.put(taskId, t);
            names.put(taskId, detail.path("name").asText(""));
        }
        return t;
    }

    /**
     * One task with its tree and the error texts of failed nodes, as a poll reads it: the server may answer from its
     * 10 s cache. An unknown id throws the API's not-found.
     */
    public TaskSnapshot one(String taskId) {
        return snapshot(taskId, api.taskStatus(taskId), false);
    }

    /**
     * One task as the engine has it now: a read the server's cache cannot answer (SopsApi#FRESH). {@code autoRetry}:
     * also which failed nodes the server will retry by itself; asked only of a task that has run (the view fails on
     * a CREATED task), and dropped if the server refuses it anyway.
     */
    public TaskSnapshot fresh(String taskId, boolean autoRetry) {
        JsonNode raw;
        try {
            raw = api.taskStatusFresh(taskId, autoRetry);
        } catch (ApiException e) {
            if (!autoRetry || e.kind() != ApiException.Kind.REFUSED) {
                throw e;
            }
            // bk-sops get_task_status.py: "extract failed node info error" on a payload without an id (CREATED, EXPIRED)
            raw = api.taskStatusFresh(taskId, false);
        }
        TaskSnapshot s = snapshot(taskId, raw, true);
        return autoRetry ? s.with(new TaskSnapshot.Server(s.server().currentFlow(), s.server().url(), autoRetrying(raw)))
                : s;
    }

    private TaskSnapshot snapshot(String taskId, JsonNode raw, boolean fresh) {
        TaskStatus status = TaskStatus.parse(raw);
        PipelineTree tree = tree(taskId);
        TaskSnapshot s = new TaskSnapshot(taskId, names.getOrDefault(taskId, status.root().name()), status, tree,
                confirmations(taskId, status, tree));
        return status.state() == State.CREATED ? s.with(flow(taskId, fresh)) : s;
    }

    /**
     * current_flow and url, which only get_tasks_status tells (bk-sops gcloud/apigw/views/get_tasks_status.py): a
     * functional task stays CREATED in "func_claim" until claimed, whatever start_task answered.
     */
    private TaskSnapshot.Server flow(String taskId, boolean fresh) {
        for (JsonNode item : api.tasksStatus(List.of(taskId), false, fresh)) {
            if (taskId.equals(item.path("id").asText())) {
                return server(item);
            }
        }
        return TaskSnapshot.Server.UNKNOWN;
    }

    private static TaskSnapshot.Server server(JsonNode item) {
        return new TaskSnapshot.Server(item.path("current_flow").asText(null), item.path("url").asText(null), List.of());
    }

    /**
     * bk-sops get_task_status.py with_auto_retry_status: auto_retry_status.auto_retry_nodes are the failed nodes whose
     * strategy has retries left (auto_retry_times < max_auto_retry_times, counts in failed_node_info).
     */
    private static List<TaskSnapshot.AutoRetry> autoRetrying(JsonNode raw) {
        List<TaskSnapshot.AutoRetry> out = new ArrayList<>();
        for (JsonNode id : raw.path("auto_retry_status").path("auto_retry_nodes")) {
            JsonNode info = raw.path("failed_node_info").path(id.asText());
            out.add(new TaskSnapshot.AutoRetry(id.asText(), info.path("auto_retry_times").asInt(0),
                    info.path("max_auto_retry_times").asInt(0)));
        }
        return out;
    }

    /**
     * Running Job nodes whose Job instance waits for a person (a manual confirmation, or the next rolling batch): the
     * task shows them RUNNING, yet they need someone. Reads per such node: its detail, then each Job instance it names
     * (JobLink: job_inst_id or job_instance_id_list); nothing when Job is not configured.
     */
    private Map<String, TaskSnapshot.JobConfirmation> confirmations(String taskId, TaskStatus status, PipelineTree tree) {
        Map<String, TaskSnapshot.JobConfirmation> out = new LinkedHashMap<>();
        if (tree == null) {
            return out;
        }
        for (TaskStatus.NodeState n : runningLeaves(status.root(), new java.util.ArrayList<>())) {
            var def = tree.node(n.id()).orElse(null);
            if (def == null || def.component() == null || !JobLink.COMPONENTS.contains(def.component().code())) {
                continue;
            }
            try {
                JsonNode detail = api.nodeDetail(taskId, n.id(), tree.subprocessStack(n.id()), def.component().code());
                for (JobLink link : JobLink.allFromNodeOutputs(detail.path("outputs"))) {
                    long instance = link.jobInstanceId();
                    JobInstance js = JobInstance.parse(job.jobInstanceStatus(instance, false));
                    for (StepInstance step : js.steps()) {
                        if (step.status() == RunStatus.WAITING_USER) {
                            out.put(n.id(), new TaskSnapshot.JobConfirmation(instance, step.id(), step.name(), step.type()));
                        }
                    }
                }
            } catch (RuntimeException unknown) {
                // no Job URL, no permission, an old job: the node simply counts as running
            }
        }
        return out;
    }

    private static java.util.List<TaskStatus.NodeState> runningLeaves(TaskStatus.NodeState n,
                                                                       java.util.List<TaskStatus.NodeState> out) {
        if (n.children().isEmpty()) {
            if (n.state() == State.RUNNING) {
                out.add(n);
            }
        } else {
            n.children().values().forEach(c -> runningLeaves(c, out));
        }
        return out;
    }

    /**
     * The raw get_tasks_status items of many ids by id, in batches of 50: the first alone, the others concurrently
     * (measured with bench/bulk-status.sh: all at once from a cold start was slower than one after another).
     */
    public Map<String, JsonNode> rawMany(List<String> ids, boolean includeChildren) throws InterruptedException {
        return rawMany(ids, includeChildren, false);
    }

    /** {@code fresh}: reads the server's 10 s cache cannot answer (SopsApi#FRESH), for one-shot commands. */
    public Map<String, JsonNode> rawMany(List<String> ids, boolean includeChildren, boolean fresh)
            throws InterruptedException {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        List<List<String>> batches = Bulk.chunks(ids, BATCH);
        // the first request alone warms the connection and the classes; concurrent cold starts cost more than they save
        api.tasksStatus(batches.get(0), includeChildren, fresh).forEach(item -> byId.put(item.path("id").asText(), item));
        List<Bulk.Item<List<String>, JsonNode>> answers = Bulk.run(batches.subList(1, batches.size()), PARALLEL_BATCHES,
                batch -> api.tasksStatus(batch, includeChildren, fresh));
        for (Bulk.Item<List<String>, JsonNode> a : answers) {
            if (!a.ok()) {
                throw a.error();
            }
            a.value().forEach(item -> byId.put(item.path("id").asText(), item));
        }
        return byId;
    }

    /**
     * Snapshots of many tasks (missing ids as {@link TaskSnapshot#missing}). Trees are read only for tasks with a
     * running node, where only the tree tells a node waiting for a callback from one at work.
     */
    public Map<String, TaskSnapshot> many(List<String> ids) throws InterruptedException {
        Map<String, JsonNode> raw = rawMany(ids, true);
        Map<String, TaskSnapshot> out = new LinkedHashMap<>();
        for (String id : ids) {
            JsonNode item = raw.get(id);
            if (item == null) {
                out.put(id, TaskSnapshot.missing(id));
                continue;
            }
            TaskStatus status = TaskStatus.parse(item.path("status"));
            boolean running = hasRunningLeaf(status.root());
            PipelineTree tree = running ? tree(id) : trees.get(id);
            out.put(id, new TaskSnapshot(id, item.path("name").asText(""), status, tree,
                    running ? confirmations(id, status, tree) : Map.of(), server(item)));
        }
        return out;
    }

    private static boolean hasRunningLeaf(TaskStatus.NodeState n) {
        if (n.children().isEmpty()) {
            return n.state() == State.RUNNING;
        }
        return n.children().values().stream().anyMatch(TaskReader::hasRunningLeaf);
    }
}
