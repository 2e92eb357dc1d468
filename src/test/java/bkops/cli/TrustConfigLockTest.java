package bkops.cli;

import bkops.config.ProfileFile;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.Processes;
import bkops.testing.Slow;
import bkops.testing.TestEnv;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 item 16: parallel 'config set' runs keep every edit, in one JVM and across processes. */
@BkopsTest
class TrustConfigLockTest {
    private static final int WORKERS = 8;
    private static final int EDITS = 10;

    TestEnv local;

    private List<String> profiles() {
        return ProfileFile.load(local.configFile()).profiles();
    }

    @Test
    void eightThreadsEditingAtOnceKeepEveryProfile() throws Exception {
        Map<String, String> env = local.env();
        CyclicBarrier together = new CyclicBarrier(WORKERS);
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<List<CliRun.Result>>> runs = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                String tag = "t" + w;
                runs.add(pool.submit(() -> {
                    together.await();
                    List<CliRun.Result> results = new ArrayList<>();
                    for (int i = 0; i < EDITS; i++) {
                        results.add(CliRun.run(env, "-p", tag + "-" + i, "config", "set", "biz", String.valueOf(i + 1)));
                    }
                    return results;
                }));
            }
            for (Future<List<CliRun.Result>> f : runs) {
                for (CliRun.Result r : f.get(120, TimeUnit.SECONDS)) {
                    assertEquals(0, r.exit(), r::toString);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(WORKERS * EDITS, profiles().size(), () -> "profiles kept: " + profiles());
    }

    @Slow
    @Test
    void eightProcessesEditingAtOnceKeepEveryProfile() throws Exception {
        List<Process> procs = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            procs.add(new ProcessBuilder(Processes.java(
                    ConfigSetWorker.class.getName(), local.env().get("XDG_CONFIG_HOME"), String.valueOf(EDITS), "p" + w))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        for (Process p : procs) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "worker finished in time");
            assertEquals(0, p.exitValue());
        }
        assertEquals(WORKERS * EDITS, profiles().size(), () -> "profiles kept: " + profiles());
        try (var files = Files.list(local.configFile().getParent())) {
            assertEquals(List.of("config", "config.lock"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temp file left behind");
        }
    }
}
