package bkops.sandbox;

import bkops.sandbox.job.JobState;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Everything the sandbox remembers between requests and processes (templates are seeded in code, not stored). */
public final class World {
    public long nextTaskId = 10001;
    public long nextPeriodicId = 501;
    public TreeMap<Long, Task> tasks = new TreeMap<>();
    public TreeMap<Long, Periodic> periodic = new TreeMap<>();
    public JobState job = new JobState();
    // issue 15: clocked tasks and functional-task tickets
    public long nextClockedId = 1;
    public long nextFunctionTaskId = 1;
    public TreeMap<Long, Clocked> clocked = new TreeMap<>();

    /** A task (a taskflow instance) and its engine state. Times are epoch milliseconds of the sandbox clock. */
    public static final class Task {
        public long id;
        public String name;
        public long templateId;
        public String templateSource;
        public String category;
        public String creator;
        public String executor;
        public String createMethod = "api";
        public String flowType = "common";
        public String currentFlow = "execute_task";
        public String description = "";
        public long createTime;
        public Long startTime;
        public Long finishTime;
        public Map<String, Object> pipelineTree;
        /** The root pipeline's engine state; null until started (shown as CREATED). */
        public String rootState;
        public Map<String, NodeRun> runs = new LinkedHashMap<>();
        /** Execution that reached a node but could not enter it yet (pipeline suspended). */
        public List<Token> tokens = new ArrayList<>();
        public Map<String, Integer> arrivals = new LinkedHashMap<>();
        public Map<String, Integer> expected = new LinkedHashMap<>();
        public Set<String> pauseBefore = new LinkedHashSet<>();
        /** Auto-retry strategies by activity id (bk-sops AutoRetryNodeStrategy, made when the task is created). */
        public Map<String, AutoRetry> autoRetry = new LinkedHashMap<>();
        /** What was done to the task through the API (bk-sops TaskOperateRecord), oldest first. */
        public List<OperateRecord> operateRecords = new ArrayList<>();
        /** The claim ticket of a common_func task (bk-sops FunctionTask), null for other tasks. */
        public FunctionTicket functionTask;
        @JsonIgnore
        transient TaskIndex index;

        TaskIndex index() {
            if (index == null) index = new TaskIndex(pipelineTree);
            return index;
        }

        boolean started() {
            return rootState != null;
        }
    }

    /**
     * bk-sops gcloud/taskflow3/models.py AutoRetryNodeStrategy: how often the server retries a failed activity by itself.
     * {@code dueAt}: when the scheduled retry runs (the celery countdown), null when none is scheduled.
     */
    public static final class AutoRetry {
        public int retryTimes;
        public int maxRetryTimes;
        public int interval;
        public Long dueAt;
    }

    /** The engine record of one reached node. */
    public static final class NodeRun {
        public String state;
        public String version;
        public long start;
        public Long finish;
        /** When a running activity completes by itself; null = waits for a callback or a Job instance. */
        public Long dueAt;
        public int retry;
        public int loop = 1;
        public int attempts;
        public boolean skip;
        public boolean errorIgnored;
        public Map<String, Object> inputs = new LinkedHashMap<>();
        public Map<String, Object> outputs = new LinkedHashMap<>();
        public String exData;
        public Long jobInstanceId;
        public List<Map<String, Object>> histories = new ArrayList<>();
    }

    public static final class Token {
        public String node;
        public long at;

        public Token() {}

        Token(String node, long at) {
            this.node = node;
            this.at = at;
        }
    }

    /** One bk-sops TaskOperateRecord (gcloud/contrib/operate_record/models.py). */
    public static final class OperateRecord {
        public String operator;
        public String operateType;
        public String operateSource;
        public long projectId;
        public long operateDate;
        public String nodeId = "";
    }

    /** A bk-sops FunctionTask (gcloud/contrib/function/models.py): the claim ticket of a common_func task. */
    public static final class FunctionTicket {
        public long id;
        public String creator;
        public long createTime;
        public String claimant = "";
        public Long claimTime;
        /** submitted, claimed (executed and finished are read from the task, as the signal handlers set them). */
        public String status = "submitted";
    }

    /** A clocked task (bk-sops gcloud/clocked_task/models.py ClockedTask): one task created and started at a planned time. */
    public static final class Clocked {
        public long id;
        public String taskName;
        public long templateId;
        public String templateName;
        public String creator;
        public long planStartTime;
        public long createTime;
        public long editTime;
        /** The request's task_parameters as given (constants, template_schemes_id, exclude_task_nodes_id...). */
        public Map<String, Object> taskParameters = new LinkedHashMap<>();
        public String state = "not_started";
        public Long taskId;
        /** The id of its django-celery-beat PeriodicTask. */
        public long clockedTaskId;
    }

    /** A periodic task: a template snapshot started on a cron schedule. */
    public static final class Periodic {
        public long id;
        public String name;
        public long templateId;
        public String templateSource;
        public String creator;
        public Map<String, String> cron;
        public boolean enabled;
        public long createTime;
        public long editTime;
        public Long lastRunAt;
        public int totalRunCount;
        /** The due time already handled (or the enable time): runs happen after it. */
        public long scheduledFrom;
        public Map<String, Object> pipelineTree;
        public List<Long> taskIds = new ArrayList<>();
    }
}
