package bkops.sandbox;

import bkops.testing.BkopsTest;
import bkops.testing.Processes;
import bkops.testing.Slow;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@BkopsTest
class PersistenceTest {
    @Test
    void separateSandboxesOnOneDirectoryShareTheWorldAndResetStartsOver(TestSandbox a) throws Exception {
        Path dir = a.stateDir();
        try (TestSandbox b = a.sharingState()) {
            long task = a.createTask(1, null);
            assertEquals(true, b.post("/start_task/" + task + "/2/", Map.of()).body().get("result"));
            assertEquals("task already started", a.post("/start_task/" + task + "/2/", Map.of()).body().get("message"));
            Sandbox.reset(dir);
            // gone after the reset; get_task_status answers a missing task with its own 3599999 (get_task_status.py)
            assertEquals(3599999, a.get("/get_task_status/" + task + "/2/").body().get("code"));
            assertEquals(task, b.createTask(1, null), "ids start over after a reset");
        }
    }

    @Slow
    @Test
    void eightProcessesCreatingTasksAtOnceLoseNothing(@TempDir Path dir) throws Exception {
        int workers = 8;
        int each = 15;
        List<Process> procs = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            procs.add(new ProcessBuilder(Processes.java(ConcurrentWorker.class.getName(),
                    dir.toString(), String.valueOf(each), "w" + w)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        for (Process p : procs) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "worker finished in time");
            assertEquals(0, p.exitValue());
        }
        JsonNode world = TestSandbox.JSON.readTree(new File(dir.toFile(), "world.json"));
        JsonNode tasks = world.get("tasks");
        assertEquals(workers * each, tasks.size());
        Set<String> names = new HashSet<>();
        tasks.forEach(t -> names.add(t.get("name").asText()));
        assertEquals(workers * each, names.size());
        assertEquals(10001 + workers * each, world.get("nextTaskId").asLong());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("world.json", "world.lock"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temp file left behind");
        }
    }
}
