package bkops.sandbox.job;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seeded job plans a SOPS job node can launch. Ids:
 * <ul>
 *   <li>{@value #DEPLOY} 发布应用: script (host 102 fails its first run, passes on retry), file transfer,
 *       manual confirmation (confirmers admin, ops_lead), script</li>
 *   <li>{@value #HEALTH_CHECK} 健康检查: one script step that succeeds</li>
 *   <li>{@value #DB_INSPECTION} 数据库巡检: a script step that ends ABNORMAL_STATE (agent of host 103 down) on every run
 *       until ignore-error, then a script step that succeeds</li>
 *   <li>{@value #APPROVED_RELEASE} 审批发布: a script step that succeeds, a manual confirmation (confirmers admin,
 *       ops_lead), a script step: the SOPS node stays RUNNING while Job waits for the person</li>
 * </ul>
 * Two more are not plans but what the SOPS fast plugins create (bk-job 3.10 keeps rolling configs only for fast jobs:
 * TaskExecuteServiceImpl.saveTaskInstance calls saveRollingConfigForFastJob, job-manage plans have none), started
 * through {@link JobSimulator#createFastInstance}:
 * <ul>
 *   <li>{@value #ROLLING_SCRIPT} 滚动执行脚本: fast_execute_script with rolling_config {expression "1", mode 3 MANUAL}:
 *       one script step over three hosts, one host a batch; after each batch but the last the step and the job wait
 *       in WAITING_USER until operation 13 (rolling-continue)</li>
 *   <li>{@value #FAST_PUSH_FILE} 快速分发文件: fast_transfer_file from a third-party file source (alias cos-release)
 *       through the file worker 10.0.0.20: the step first pulls the file (file-log status 0 PULLING on the worker for
 *       3 s), then the worker uploads and the three hosts download (4 s)</li>
 * </ul>
 */
final class JobPlans {
    private JobPlans() {}

    static final long DEPLOY = 1001;
    static final long HEALTH_CHECK = 1002;
    static final long DB_INSPECTION = 1003;
    static final long APPROVED_RELEASE = 1004;
    static final long ROLLING_SCRIPT = 1005;
    static final long FAST_PUSH_FILE = 1006;

    static final int SCRIPT = 1;
    static final int FILE = 2;
    static final int CONFIRM = 3;

    record Host(long bkHostId, String ip, long bkCloudId) {}

    /**
     * What a file step transfers. {@code pullMs} > 0: the source is a third-party file source that the file worker
     * ({@code source}) pulls first, for that long; {@code srcPath} is then the source alias joined to the file path
     * (bk-job FileSourceTaskUpdateServiceImpl.writeLog: PathUtil.joinFilePath(alias, filePath)).
     */
    record FileTransfer(Host source, String srcPath, String destDir, String size, long pullMs) {
        FileTransfer(Host source, String srcPath, String destDir, String size) {
            this(source, srcPath, destDir, size, 0);
        }
    }

    /**
     * A step of a plan: how long it runs (a rolling step: each batch), on which hosts, which hosts fail their first
     * run or have a dead agent, and what a script prints (okLines on success, failLines on the failing run).
     * {@code rollingBatchSize} > 0 makes it a rolling step in MANUAL mode, that many hosts a batch, in host order.
     */
    record StepPlan(String name, int type, long durationMs, List<Host> hosts, Set<Long> failFirstRun,
                    Set<Long> agentDown, List<String> confirmers, List<String> okLines, List<String> failLines,
                    FileTransfer file, int rollingBatchSize) {

        StepPlan(String name, int type, long durationMs, List<Host> hosts, Set<Long> failFirstRun,
                 Set<Long> agentDown, List<String> confirmers, List<String> okLines, List<String> failLines,
                 FileTransfer file) {
            this(name, type, durationMs, hosts, failFirstRun, agentDown, confirmers, okLines, failLines, file, 0);
        }

        boolean rolling() {
            return rollingBatchSize > 0;
        }

        /** The batch (from 1) host number {@code index} of the step belongs to; 1 for a step that does not roll. */
        int batchOf(int index) {
            return rolling() ? index / rollingBatchSize + 1 : 1;
        }

        int batches() {
            return rolling() ? (hosts.size() + rollingBatchSize - 1) / rollingBatchSize : 1;
        }

        static StepPlan script(String name, long durationMs, Set<Long> failFirstRun, Set<Long> agentDown,
                               List<String> okLines, List<String> failLines) {
            return new StepPlan(name, SCRIPT, durationMs, HOSTS, failFirstRun, agentDown, List.of(), okLines,
                    failLines, null);
        }
    }

    record Plan(long id, String name, List<StepPlan> steps) {}

    static final Host SOURCE = new Host(100, "10.0.0.10", 0);
    /** The file worker that pulls third-party files and serves as their source host. */
    static final Host FILE_WORKER = new Host(110, "10.0.0.20", 0);
    static final List<Host> HOSTS = List.of(
            new Host(101, "10.0.1.11", 0), new Host(102, "10.0.1.12", 0), new Host(103, "10.0.1.13", 0));

    private static final Map<Long, Plan> FAST = Map.of(
            ROLLING_SCRIPT, new Plan(ROLLING_SCRIPT, "滚动执行脚本 rolling-script", List.of(
                    new StepPlan("滚动执行脚本 Rolling script", SCRIPT, 2_000, HOSTS, Set.of(), Set.of(), List.of(),
                            List.of("切换流量 draining traffic", "重启实例 restarting instance",
                                    "实例已就绪 instance is ready"),
                            List.of(), null, 1))),
            FAST_PUSH_FILE, new Plan(FAST_PUSH_FILE, "快速分发文件 fast-transfer-file", List.of(
                    new StepPlan("分发文件 Transfer file", FILE, 4_000, HOSTS, Set.of(), Set.of(), List.of(),
                            List.of(), List.of(),
                            new FileTransfer(FILE_WORKER, "cos-release/app-1.5.0.tar.gz", "/opt/app/", "52.4 MB",
                                    3_000)))));

    private static final Map<Long, Plan> PLANS = Map.of(
            APPROVED_RELEASE, new Plan(APPROVED_RELEASE, "审批发布 approved-release", List.of(
                    StepPlan.script("预检 Pre-check", 2_000, Set.of(), Set.of(),
                            List.of("预检通过 pre-check passed"), List.of()),
                    new StepPlan("发布审批 Approve release", CONFIRM, 0, List.of(), Set.of(), Set.of(),
                            List.of("admin", "ops_lead"), List.of(), List.of(), null),
                    StepPlan.script("发布 Release", 2_000, Set.of(), Set.of(),
                            List.of("发布完成 release done"), List.of()))),
            DEPLOY, new Plan(DEPLOY, "发布应用 deploy-app", List.of(
                    StepPlan.script("检查环境 Check environment", 4_000, Set.of(102L), Set.of(),
                            List.of("检查磁盘空间 checking disk space on /data",
                                    "磁盘使用率 61% disk usage 61%",
                                    "检查 Java 版本 checking java version: 17.0.12",
                                    "环境检查通过 environment check passed"),
                            List.of("检查磁盘空间 checking disk space on /data",
                                    "磁盘使用率 96%，超过阈值 90% disk usage 96% exceeds threshold 90%",
                                    "环境检查失败 environment check failed")),
                    new StepPlan("分发安装包 Distribute package", FILE, 6_000, HOSTS, Set.of(), Set.of(), List.of(),
                            List.of(), List.of(),
                            new FileTransfer(SOURCE, "/data/release/app-1.4.2.tar.gz", "/opt/app/", "48.2 MB")),
                    new StepPlan("上线确认 Confirm release", CONFIRM, 0, List.of(), Set.of(), Set.of(),
                            List.of("admin", "ops_lead"), List.of(), List.of(), null),
                    StepPlan.script("重启服务 Restart service", 3_000, Set.of(), Set.of(),
                            List.of("停止服务 stopping app.service",
                                    "启动服务 starting app.service",
                                    "服务已就绪 service is ready (port 8080)"),
                            List.of()))),
            HEALTH_CHECK, new Plan(HEALTH_CHECK, "健康检查 health-check", List.of(
                    StepPlan.script("健康检查 Health check", 2_000, Set.of(), Set.of(),
                            List.of("请求 GET http://127.0.0.1:8080/health",
                                    "响应 200 OK {\"status\":\"UP\"}",
                                    "健康检查通过 health check passed"),
                            List.of()))),
            DB_INSPECTION, new Plan(DB_INSPECTION, "数据库巡检 db-inspection", List.of(
                    StepPlan.script("巡检数据库 Inspect database", 3_000, Set.of(), Set.of(103L),
                            List.of("连接 MySQL connecting to mysql 127.0.0.1:3306",
                                    "慢查询 0 条 slow queries: 0",
                                    "复制延迟 0s replication lag: 0s"),
                            List.of()),
                    StepPlan.script("汇总报告 Summarise report", 2_000, Set.of(), Set.of(),
                            List.of("汇总巡检结果 collecting inspection results",
                                    "报告已生成 report written to /data/report/db-inspection.html"),
                            List.of()))));

    /** A seeded plan or fast job by id; null when neither. */
    static Plan plan(long planId) {
        Plan p = PLANS.get(planId);
        return p != null ? p : FAST.get(planId);
    }

    /** A seeded job plan (what job_execute_task can run); fast jobs are not plans. */
    static Plan jobPlan(long planId) {
        return PLANS.get(planId);
    }

    /** A fast job (what fast_execute_script / fast_transfer_file create). */
    static Plan fastJob(long id) {
        return FAST.get(id);
    }
}
