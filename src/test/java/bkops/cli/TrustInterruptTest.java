package bkops.cli;

import bkops.sandbox.Faults;
import bkops.sandbox.RecordedRequest;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.Processes;
import bkops.testing.Slow;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 19: Ctrl-C during a bulk action says which items were answered, which were sent without an answer
 * and which were never sent, and exits 130. Ctrl-C is simulated as the shutdown hook (and the daemon) do it: the
 * command's thread is interrupted. The sandbox answers some requests at once (an IAM refusal) and holds the others
 * (a stall of a minute), so exactly which requests are in flight is known without racing a clock.
 */
@BkopsTest
class TrustInterruptTest {
    private static final long STALL_MILLIS = 60_000;

    @TempDir
    Path dir;

    TestSandbox sb;

    private CliRun.Result ok(String... args) {
        CliRun.Result r = sb.run(args);
        assertEquals(0, r.exit(), r::toString);
        return r;
    }

    private List<RecordedRequest> calls(String api) {
        return sb.requests().stream().filter(r -> r.pathAndQuery().contains("/" + api + "/")).toList();
    }

    /** Runs the command in a thread of its own, waits until {@code ready}, then interrupts it as Ctrl-C does. */
    private CliRun.Result interruptedWhen(BooleanSupplier ready, String... args) throws InterruptedException {
        AtomicReference<CliRun.Result> result = new AtomicReference<>();
        Thread command = new Thread(() -> result.set(CliRun.run(sb.env(), null, sb.sleeper(), false, args)), "command");
        command.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!ready.getAsBoolean()) {
            assertTrue(command.isAlive(), () -> "the command ended before it could be interrupted: " + result.get());
            assertTrue(System.nanoTime() < deadline, "the requests expected in flight did not arrive");
            Thread.sleep(10);
        }
        command.interrupt();
        command.join(30_000);
        assertFalse(command.isAlive(), "the command ends promptly once interrupted");
        return result.get();
    }

    /** The ids after "  LABEL: " in the report on stderr ("none" is empty). */
    private static List<String> listed(String err, String label) {
        Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(label) + "[^:]*: (.*?)(; check with: .*)?$").matcher(err);
        assertTrue(m.find(), () -> "no '" + label + "' line in:\n" + err);
        return m.group(1).equals("none") ? List.of() : Arrays.asList(m.group(1).split(", "));
    }

    private static String requestedTask(RecordedRequest r) {
        String[] segments = r.pathAndQuery().split("\\?")[0].split("/");
        return segments[segments.length - 2]; // /start_task/{task_id}/{biz}/
    }

    @Test
    void ctrlCDuringTaskStartOfTwelveSaysWhatWasSentAnsweredAndNot() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(ok("task", "create", "--template", "1", "--name", "t" + i, "-o", "id").out().strip());
        }
        // two answered at once (refused), then every one of the 8 workers held by a stalled reply: 2 never sent
        sb.faults().add(new Faults.Fault(Faults.Kind.IAM_DENIED, 2, "start_task", 0));
        sb.faults().add(new Faults.Fault(Faults.Kind.STALL, 8, "start_task", STALL_MILLIS));
        sb.clearRequests();
        List<String> args = new ArrayList<>(List.of("task", "start"));
        args.addAll(ids);

        CliRun.Result r = interruptedWhen(() -> calls("start_task").size() == 10, args.toArray(String[]::new));

        assertEquals(130, r.exit(), r::toString);
        assertTrue(r.err().contains("bkops: interrupted during start of 12 tasks:\n"), r::toString);
        List<String> answered = listed(r.err(), "answered");
        List<String> inDoubt = listed(r.err(), "sent, no answer");
        List<String> notSent = listed(r.err(), "not sent");
        assertEquals(2, answered.size(), r::toString);
        assertEquals(8, inDoubt.size(), r::toString);
        assertEquals(2, notSent.size(), r::toString);
        Set<String> sent = new HashSet<>(calls("start_task").stream().map(TrustInterruptTest::requestedTask).toList());
        Set<String> reported = new HashSet<>(answered);
        reported.addAll(inDoubt);
        assertEquals(sent, reported, "what the server saw is what is reported as sent");
        Set<String> all = new HashSet<>(reported);
        all.addAll(notSent);
        assertEquals(new HashSet<>(ids), all);
        assertTrue(r.err().contains("; check with: bkops task status " + String.join(" ", inDoubt) + "\n"), r::toString);
        for (String id : answered) { // the answered ones' results as usual: here the server's refusal
            assertTrue(r.err().contains("bkops: start task " + id), r::toString);
        }
        assertEquals("", r.out(), "nothing was started");
    }

    @Test
    void ctrlCDuringTaskStartWithJsonlGivesEveryIdAnObject() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ids.add(ok("task", "create", "--template", "1", "--name", "t" + i, "-o", "id").out().strip());
        }
        sb.faults().add(new Faults.Fault(Faults.Kind.STALL, 8, "start_task", STALL_MILLIS));
        sb.clearRequests();
        List<String> args = new ArrayList<>(List.of("-o", "jsonl", "task", "start"));
        args.addAll(ids);

        CliRun.Result r = interruptedWhen(() -> calls("start_task").size() == 8, args.toArray(String[]::new));

        assertEquals(130, r.exit(), r::toString);
        List<JsonNode> lines = r.out().lines().map(TrustCliTest::json).toList();
        assertEquals(9, lines.size(), r::toString);
        assertEquals(8, lines.stream().filter(l -> l.path("sent").asBoolean() && !l.path("ok").asBoolean()).count(), r::toString);
        assertEquals(1, lines.stream().filter(l -> !l.path("sent").asBoolean(true)).count(), r::toString);
        assertTrue(lines.stream().allMatch(l -> l.path("exit").asInt() == 130), r::toString);
    }

    @Test
    void ctrlCDuringNodeRetryFailedSaysWhichNodesWereSent() throws InterruptedException {
        String task = ok("task", "create", "--template", "7", "--name", "three", "--start", "-o", "id").out().strip();
        sb.advance(Duration.ofSeconds(1));
        for (String branch : List.of("部署 华东 east", "部署 华南 south", "部署 华北 north")) {
            ok("node", "forced-fail", task, branch, "--yes");
        }
        sb.faults().add(new Faults.Fault(Faults.Kind.IAM_DENIED, 1, "operate_node", 0));
        sb.faults().add(new Faults.Fault(Faults.Kind.STALL, 1, "operate_node", STALL_MILLIS));
        sb.clearRequests();

        CliRun.Result r = interruptedWhen(() -> calls("operate_node").size() == 2,
                "node", "retry", task, "--failed", "--yes");

        assertEquals(130, r.exit(), r::toString);
        assertTrue(r.err().contains("bkops: interrupted during retry of 3 nodes of task " + task + ":\n"), r::toString);
        assertEquals(1, listed(r.err(), "answered").size(), r::toString);
        assertEquals(1, listed(r.err(), "sent, no answer").size(), r::toString);
        assertEquals(1, listed(r.err(), "not sent").size(), r::toString);
        assertTrue(r.err().contains("; check with: bkops task status " + task + "\n"), r::toString);
        assertTrue(r.out().startsWith("✖ retry "), "the answered node's result as usual\n" + r);
        assertEquals(2, calls("operate_node").size(), "the third node was never sent");
    }

    @Test
    void ctrlCDuringPeriodicEnableSaysWhichWereSent() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(ok("periodic", "create", "--template", "1", "--name", "p" + i, "--cron", "0 3 * * *", "-o", "id")
                    .out().strip());
        }
        sb.faults().add(new Faults.Fault(Faults.Kind.IAM_DENIED, 1, "set_periodic_task_enabled", 0));
        sb.faults().add(new Faults.Fault(Faults.Kind.STALL, 1, "set_periodic_task_enabled", STALL_MILLIS));
        sb.clearRequests();
        List<String> args = new ArrayList<>(List.of("periodic", "enable"));
        args.addAll(ids);

        CliRun.Result r = interruptedWhen(() -> calls("set_periodic_task_enabled").size() == 2, args.toArray(String[]::new));

        assertEquals(130, r.exit(), r::toString);
        assertTrue(r.err().contains("bkops: interrupted during enable of 3 periodic tasks:\n"), r::toString);
        assertEquals(List.of(ids.get(0)), listed(r.err(), "answered"), r::toString);
        assertEquals(List.of(ids.get(1)), listed(r.err(), "sent, no answer"), r::toString);
        assertEquals(List.of(ids.get(2)), listed(r.err(), "not sent"), r::toString);
    }

    /** bkops in a JVM of its own, pointed at the sandbox; stdout and stderr go to files. */
    private Process spawn(Path out, Path err, String... args) throws IOException {
        List<String> cmd = Processes.java("bkops.Main", args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(sb.env());
        return pb.start();
    }

    @Slow
    @Test
    void aRealCtrlCOfTheProcessPrintsTheReportBeforeItExits() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(ok("periodic", "create", "--template", "1", "--name", "p" + i, "--cron", "0 3 * * *", "-o", "id")
                    .out().strip());
        }
        sb.faults().add(new Faults.Fault(Faults.Kind.IAM_DENIED, 1, "set_periodic_task_enabled", 0));
        sb.faults().add(new Faults.Fault(Faults.Kind.STALL, 1, "set_periodic_task_enabled", STALL_MILLIS));
        sb.clearRequests();
        List<String> args = new ArrayList<>(List.of("periodic", "enable"));
        args.addAll(ids);
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = spawn(out, err, args.toArray(String[]::new));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (calls("set_periodic_task_enabled").size() < 2) {
                assertTrue(p.isAlive(), () -> "bkops ended early: " + read(err));
                assertTrue(System.nanoTime() < deadline, "the second request did not arrive");
                Thread.sleep(20);
            }
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start(); // Ctrl-C
            assertEquals(0, kill.waitFor());
            assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "bkops exits promptly on Ctrl-C"
                    + bkops.testing.Processes.sigintIgnoredNote());
        } finally {
            p.destroyForcibly();
        }
        Processes.record(sb.env(), p.exitValue(), read(out), read(err));
        assertEquals(130, p.exitValue(), () -> read(err));
        String report = read(err);
        assertEquals(List.of(ids.get(0)), listed(report, "answered"), report);
        assertEquals(List.of(ids.get(1)), listed(report, "sent, no answer"), report);
        assertEquals(List.of(ids.get(2)), listed(report, "not sent"), report);
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
