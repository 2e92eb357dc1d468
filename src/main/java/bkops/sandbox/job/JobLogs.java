package bkops.sandbox.job;

import bkops.sandbox.job.JobPlans.FileTransfer;
import bkops.sandbox.job.JobPlans.Host;
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

    /**
     * A target's download, or null when the host is no target of the step or has not started. {@code batch}: the
     * batch API's form (bk-job EsbBatchGetJobInstanceIpLogV3ResourceImpl.toEsbFileLogV3DTO: ips from
     * EsbIpDTO.fromCloudIp, so without host ids, plus size, speed and process); else the single-host form
     * (EsbGetJobInstanceIpLogV3ResourceImpl.toEsbFileLogV3DTO: ips with host ids, no size, speed or process).
     */
    static Map<String, Object> download(StepPlan plan, StepInstance step, long bkHostId, boolean batch) {
        FileTransfer file = plan.file();
        HostResult target = step.hosts.stream().filter(h -> h.bkHostId == bkHostId).findFirst().orElse(null);
        if (target == null || target.startTime == null) {
            return null;
        }
        int status = fileStatus(target.status);
        String dest = file.destDir() + file.srcPath().substring(file.srcPath().lastIndexOf('/') + 1);
        return entry(1, file, status, ip(batch ? null : target.bkHostId, target.bkCloudId, target.ip), dest,
                line(target.startTime, dest, file, status, "dest agent", "download"), batch);
    }

    /**
     * The source's upload, or null before the step starts. A third-party source is first pulled by the file worker:
     * status 0 PULLING (bk-job FileDistStatusEnum; job-file-gateway FileSourceTaskUpdateServiceImpl.writeLog), until
     * the hosts start.
     */
    static Map<String, Object> upload(StepPlan plan, StepInstance step, boolean batch) {
        FileTransfer file = plan.file();
        if (step.startTime == null) {
            return null;
        }
        boolean pulling = file.pullMs() > 0 && step.status == RunStatus.RUNNING
                && step.hosts.stream().allMatch(h -> h.startTime == null);
        int status = pulling ? 0 : step.status == RunStatus.RUNNING ? 2 : 4;
        String content = pulling ? pullLine(step.startTime, file)
                : line(step.startTime + file.pullMs(), file.srcPath(), file, status, "source agent", "upload");
        return entry(0, file, status, null, null, content, batch);
    }

    /** bk-job EsbFileLogV3DTO, every field written (no NON_NULL below the envelope): dest_* null on an upload. */
    private static Map<String, Object> entry(int mode, FileTransfer file, int status, Map<String, Object> destIp,
                                             String destPath, String content, boolean batch) {
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("mode", mode);
        Host src = file.source();
        log.put("src_ip", ip(batch ? null : src.bkHostId(), src.bkCloudId(), src.ip()));
        log.put("src_path", file.srcPath());
        log.put("dest_ip", destIp);
        log.put("dest_path", destPath);
        log.put("status", status);
        log.put("log_content", content);
        boolean done = status == 4;
        log.put("size", batch ? file.size() : null);
        log.put("speed", batch ? (done ? "8 MB/s" : "0 KB/s") : null);
        log.put("process", batch ? (done ? "100%" : "0%") : null);
        return log;
    }

    /** File-log status (FileDistStatusEnum): 1 waiting, 3 downloading, 4 finished, 5 failed. */
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

    /** The file worker's line while it pulls (FileSourceTaskUpdateServiceImpl.buildFileLogContent). */
    private static String pullLine(long at, FileTransfer file) {
        return "[" + TIME.format(Instant.ofEpochMilli(at)) + "] FileName: " + file.srcPath() + " FileSize: "
                + file.size() + " Speed: 12 MB/s Progress: 40% Detail: pulling from file source";
    }

    /**
     * bk-job EsbIpDTO with every field written (its other fields null). {@code bkHostId} null as
     * EsbIpDTO.fromCloudIp leaves it.
     */
    static Map<String, Object> ip(Long bkHostId, long bkCloudId, String ip) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bk_host_id", bkHostId);
        m.put("bk_cloud_id", bkCloudId);
        m.put("bk_cloud_name", null);
        m.put("ip", ip);
        m.put("ipv6", null);
        m.put("bk_agent_id", null);
        m.put("alive", null);
        return m;
    }
}
