package bkops.sandbox;

import bkops.testing.TestSandbox;
import java.nio.file.Path;
import java.util.Map;

/** Runs in its own JVM for {@link PersistenceTest}: its own Sandbox on a shared state dir, creating tasks over HTTP. */
public final class ConcurrentWorker {
    private ConcurrentWorker() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String tag = args[2];
        try (TestSandbox c = TestSandbox.start(dir, dir, true, TestSandbox.EPOCH)) {
            for (int i = 0; i < count; i++) {
                TestSandbox.Res r = c.post("/create_task/1/2/", Map.of("name", tag + "-" + i));
                if (!Boolean.TRUE.equals(r.body().get("result"))) throw new IllegalStateException(r.body().toString());
            }
        }
        System.out.println("done " + tag);
    }
}
