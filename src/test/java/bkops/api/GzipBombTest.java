package bkops.api;

import bkops.testing.HostileServer;
import bkops.testing.Processes;
import bkops.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A gzip bomb (a small body that inflates far past the size limit) is refused with one line and exit 6, without a
 * stack trace. Run as a process of its own: the trace came from the HTTP library's logger straight onto the process's
 * stderr, which an in-process run would not see.
 */
@Slow
class GzipBombTest {
    @TempDir
    Path home;

    /** 256 MiB of zeros, about 250 KiB on the wire: eight times the 32 MiB bkops accepts. */
    private static byte[] bomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 256; i++) {
                gz.write(zeros);
            }
        }
        return out.toByteArray();
    }

    @Test
    void aGzipBombIsRefusedWithOneLineAndNoStackTrace() throws Exception {
        byte[] bomb = bomb();
        try (HostileServer s = HostileServer.start(HostileServer.answer(200,
                Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"), bomb))) {
            ProcessBuilder pb = new ProcessBuilder(Processes.java("bkops.Main", "template", "list"));
            pb.environment().clear();
            pb.environment().putAll(s.env(home));
            pb.environment().put("BKOPS_RETRIES", "3");
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ends");
            Processes.record(pb.environment(), p.exitValue(), "", err);
            assertEquals(6, p.exitValue(), err);
            assertEquals(List.of("bkops: list templates: response body larger than 32 MiB; refused"), err.lines().toList());
            assertEquals(1, s.requests(), "the same body would come back: not retried");
        }
    }
}
