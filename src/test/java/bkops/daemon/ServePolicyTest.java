package bkops.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServePolicyTest {
    @TempDir
    Path dir;

    private final Path daemonCwd = Path.of("/srv/daemon-cwd");
    private final ServePolicy policy = new ServePolicy(daemonCwd, null);

    @Test
    void plainCommandsRunFromAnyDirectory() {
        assertTrue(policy.decline(dir, List.of("task", "status", "42", "-o", "json"), Map.of("BKOPS_SOPS_URL",
                "http://127.0.0.1:1/api")).isEmpty());
    }

    @Test
    void filesAndCommandsThatManageFilesGoCold() throws IOException {
        Files.writeString(dir.resolve("data.json"), "{}");
        assertTrue(policy.decline(dir, List.of("node", "callback", "1", "n", "--data", "@data.json"), Map.of()).isPresent());
        assertTrue(policy.decline(dir, List.of("node", "retry", "1", "n", "--inputs-file=data.json"), Map.of()).isPresent());
        assertTrue(policy.decline(dir, List.of("x", "sub/dir/file"), Map.of()).isPresent());
        assertTrue(policy.decline(dir, List.of("@args"), Map.of()).isPresent());
        assertTrue(policy.decline(dir, List.of("task", "list"), Map.of("BK_APP_SECRET_FILE", "data.json")).isPresent());
        for (String word : List.of("config", "sandbox", "daemon")) {
            assertTrue(policy.decline(daemonCwd, List.of(word, "view"), Map.of()).isPresent(), word);
        }
    }

    @Test
    void inTheDaemonsOwnDirectoryRelativePathsMeanTheSame() {
        assertTrue(policy.decline(daemonCwd, List.of("node", "retry", "1", "n", "--inputs-file", "a/b.json"), Map.of())
                .isEmpty());
    }

    @Test
    void anotherTimeZoneGoesCold() {
        assertEquals("another time zone",
                policy.decline(daemonCwd, List.of("periodic", "list"), Map.of("TZ", "Asia/Shanghai")).orElseThrow());
        assertTrue(new ServePolicy(daemonCwd, "Asia/Shanghai")
                .decline(daemonCwd, List.of("periodic", "list"), Map.of("TZ", "Asia/Shanghai")).isEmpty());
    }
}
