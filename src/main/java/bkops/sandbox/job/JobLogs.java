package bkops.sandbox.job;

import bkops.sandbox.job.JobPlans.FileTransfer;
import bkops.sandbox.job.JobPlans.StepPlan;
import bkops.sandbox.job.JobState.HostResult;
import bkops.sandbox.job.JobState.StepInstance;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Host logs of the latest execution, derived from the step's state and plan rather than stored (the state file stays
 * small). Timestamps are printed in UTC+8, as a BlueKing installation in China prints them.
 */
final class JobLogs {
    private JobLogs() {}

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));

    /** The script log of one host: empty until it starts, partial while it runs. */
    static String scriptLog(StepPlan plan, StepInstance step, HostResult host) {
        if (host.startTime == null || host.status == HostStatus.WAITING) {
            return "";
        }
        String prefix = "[%s][PID:" + (10_000 + host.bkHostId * 7 + step.executeCount * 131) + "] ";
        long t = host.startTime;
        List<String> lines = new ArrayList<>();
        if (host.status == HostStatus.AGENT_ERROR) {
            // The agent never ran the script: GSE reports the failure instead of a script log.
            lines.add("Agent 异常，无法获取执行结果 GSE agent of " + host.ip + " is abnormal, no result received");
        } else {
            lines.add("job_start");
        }
        switch (host.status) {
            case HostStatus.RUNNING -> lines.add(plan.okLines().get(0));
            case HostStatus.SUCCESS, HostStatus.LAST_SUCCESS -> {
                lines.addAll(plan.okLines());
                lines.add("脚本执行完成 script finished, exit code 0");
            }
            case HostStatus.SCRIPT_NOT_ZERO_EXIT_CODE -> {
                lines.addAll(plan.failLines());
                lines.add("脚本执行失败 script failed, exit code " + host.exitCode);
            }
            case HostStatus.TERMINATE_SUCCESS -> lines.add("任务被强制终止 terminated by user");
            default -> { }
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(String.format(prefix, TIME.format(Instant.ofEpochMilli(t)))).append(line).append('\n');
            t += 1_000;
        }
        return out.toString();
    }

    /** The file log of one host: its download if it is a target, its upload if it is the source, else nothing. */
    static List<Map<String, Object>> fileLogs(StepPlan plan, StepInstance step, long bkHostId, boolean batch) {
        FileTransfer file = plan.file();
        List<Map<String, Object>> logs = new ArrayList<>();
        HostResult target = step.hosts.stream().filter(h -> h.bkHostId == bkHostId).findFirst().orElse(null);
        if (target != null && target.startTime != null) {
            int status = fileStatus(target.status);
            String dest = file.destDir() + file.srcPath().substring(file.srcPath().lastIndexOf('/') + 1);
            Map<String, Object> log = entry(1, file, status);
            log.put("dest_ip", ip(target.bkHostId, target.bkCloudId, target.ip));
            log.put("dest_path", dest);
            log.put("log_content", line(target.startTime, dest, file, status, "dest agent", "download"));
            addProgress(log, file, status, batch);
            logs.add(log);
        }
        if (bkHostId == file.source().bkHostId() && step.startTime != null) {
            int status = step.status == RunStatus.RUNNING ? 2 : 4;
            Map<String, Object> log = entry(0, file, status);
            log.put("log_content", line(step.startTime, file.srcPath(), file, status, "source agent", "upload"));
            addProgress(log, file, status, batch);
            logs.add(log);
        }
        return logs;
    }

    private static Map<String, Object> entry(int mode, FileTransfer file, int status) {
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("mode", mode);
        log.put("src_ip", ip(file.source().bkHostId(), file.source().bkCloudId(), file.source().ip()));
        log.put("src_path", file.srcPath());
        log.put("status", status);
        return log;
    }

    /** File-log status: 1 waiting, 3 downloading, 4 success, 5 failed. */
    private static int fileStatus(int hostStatus) {
        return switch (hostStatus) {
            case HostStatus.WAITING -> 1;
            case HostStatus.RUNNING -> 3;
            case HostStatus.SUCCESS, HostStatus.LAST_SUCCESS -> 4;
            default -> 5;
        };
    }

    private static String line(long at, String path, FileTransfer file, int status, String side, String verb) {
        boolean done = status == 4;
        String state = done ? side + " success " + verb + " file" : side + " " + verb + (status == 5 ? " failed" : "ing file");
        return "[" + TIME.format(Instant.ofEpochMilli(at)) + "] FileName: " + path + " FileSize: " + file.size()
                + " State: " + state + " Speed: " + (done ? "8 MB/s" : "0 KB/s") + " Progress: " + (done ? "100%" : "0%")
                + " StatusDesc: " + state + " Detail: " + (done ? "success " + verb : verb + " in progress");
    }

    private static void addProgress(Map<String, Object> log, FileTransfer file, int status, boolean batch) {
        if (batch) {
            log.put("size", file.size());
            log.put("speed", status == 4 ? "8 MB/s" : "0 KB/s");
            log.put("process", status == 4 ? "100%" : "0%");
        }
    }

    static Map<String, Object> ip(long bkHostId, long bkCloudId, String ip) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bk_host_id", bkHostId);
        m.put("bk_cloud_id", bkCloudId);
        m.put("ip", ip);
        return m;
    }
}
