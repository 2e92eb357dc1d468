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
 */
final class JobPlans {
    private JobPlans() {}

    static final long DEPLOY = 1001;
    static final long HEALTH_CHECK = 1002;
    static final long DB_INSPECTION = 1003;
    static final long APPROVED_RELEASE = 1004;

    static final int SCRIPT = 1;
    static final int FILE = 2;
    static final int CONFIRM = 3;

    record Host(long bkHostId, String ip, long bkCloudId) {}

    record FileTransfer(Host source, String srcPath, String destDir, String size) {}

    /**
     * A step of a plan: how long it runs, on which hosts, which hosts fail their first run or have a dead agent,
     * and what a script prints (okLines on success, failLines on the failing run).
     */
    record StepPlan(String name, int type, long durationMs, List<Host> hosts, Set<Long> failFirstRun,
                    Set<Long> agentDown, List<String> confirmers, List<String> okLines, List<String> failLines,
                    FileTransfer file) {

        static StepPlan script(String name, long durationMs, Set<Long> failFirstRun, Set<Long> agentDown,
                               List<String> okLines, List<String> failLines) {
            return new StepPlan(name, SCRIPT, durationMs, HOSTS, failFirstRun, agentDown, List.of(), okLines,
                    failLines, null);
        }
    }

    record Plan(long id, String name, List<StepPlan> steps) {}

    static final Host SOURCE = new Host(100, "10.0.0.10", 0);
    static final List<Host> HOSTS = List.of(
            new Host(101, "10.0.1.11", 0), new Host(102, "10.0.1.12", 0), new Host(103, "10.0.1.13", 0));

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

    static Plan plan(long planId) {
        return PLANS.get(planId);
    }
}
