package bkops;

import bkops.sandbox.RecordedRequest;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.LauncherJar;
import bkops.testing.Processes;
import bkops.testing.Slow;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/bkops with a real JVM. Under the C locale and with a locale that is not installed (cron, `env -i`, CI images),
 * Chinese arguments, file names and output must come through as UTF-8, not as "??????" (issue 13 item 10); a terminal
 * on stdout is one even when stdin is not (issue 17).
 */
@BkopsTest
@Slow
class LauncherTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    private static Path jar;

    @TempDir
    Path dir;
    private TestSandbox sb;

    @BeforeAll
    static void buildJar() {
        jar = LauncherJar.build(shared);
    }

    /** The sandbox's environment and nothing else of ours, as `env -i PATH=... LC_ALL=...` gives; null: no locale. */
    private Map<String, String> env(String lcAll) {
        Map<String, String> env = sb.env();
        env.put("PATH", System.getenv("PATH"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("BKOPS_JAR", jar.toString());
        if (lcAll != null) {
            env.put("LC_ALL", lcAll);
        }
        return env;
    }

    /** Runs {@code sh -c script} (bin/bkops is $0) with exactly this environment; output decoded as UTF-8. */
    private static CliRun.Result sh(Map<String, String> env, String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", script, "bin/bkops"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bin/bkops did not finish");
        return Processes.record(env, p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    private static CliRun.Result bkops(Map<String, String> env, String... args) throws Exception {
        return sh(env, "exec \"$0\" \"$@\"", args);
    }

    private JsonNode lastCreate() throws IOException {
        RecordedRequest create = sb.requests().stream().filter(q -> q.pathAndQuery().contains("create_task"))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no create_task: " + sb.requests()));
        return JSON.readTree(create.body());
    }

    @Test
    void chineseArgumentsUnderTheCLocaleReachTheServerAndComeBackIntact() throws Exception {
        CliRun.Result created = bkops(env("C"), "task", "create", "--template", "1", "--name", "中文发布 v2", "-o", "id");
        assertEquals(0, created.exit(), created::toString);
        assertEquals("中文发布 v2", lastCreate().path("name").asText(), "the name as the server got it");

        CliRun.Result shown = bkops(env("C"), "task", "status", created.out().strip());
        assertEquals(0, shown.exit(), shown::toString);
        assertTrue(shown.out().startsWith("中文发布 v2"), "printed as UTF-8: " + shown.out());
        assertTrue(shown.out().contains("准备 prepare"), shown.out());
    }

    @Test
    void aUtf8LocaleThatIsNotInstalledIsTheCLocaleToo() throws Exception {
        CliRun.Result created = bkops(env("xx_XX.UTF-8"), "task", "create", "--template", "1", "--name", "发布",
                "-o", "id");
        assertEquals(0, created.exit(), created::toString);
        assertEquals("发布", lastCreate().path("name").asText());
    }

    @Test
    void aChineseFileNameIsOpenedWithNoLocaleAtAll() throws Exception {
        Path consts = Files.writeString(dir.resolve("常量.json"), "{\"version\": \"3.1.4\"}");
        CliRun.Result created = bkops(env(null), "task", "create", "--template", "1", "--name", "file",
                "--const-file", consts.toString(), "-o", "id");
        assertEquals(0, created.exit(), created::toString);
        assertEquals("3.1.4", lastCreate().path("constants").path("${version}").asText());
    }

    @Test
    void aTerminalOnStdoutIsOneWhenStdinIsNot() throws Exception {
        CliRun.Result created = bkops(env("C"), "task", "create", "--template", "1", "--name", "终端", "-o", "id");
        assertEquals(0, created.exit(), created::toString);
        // script(1) puts a terminal on stdout; stdin is /dev/null, where System.console() sees no terminal at all.
        CliRun.Result r = sh(env("C"), "exec script -qec \"exec $0 task status " + created.out().strip()
                + " </dev/null\" /dev/null");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("\u001b[1m终端\u001b[0m"), "coloured: " + r.out());
    }

    @Test
    void argumentsInAnotherEncodingAreRefusedNotSentAsReplacementCharacters() throws Exception {
        // "中文" in GBK, as a terminal set to GBK sends it: not UTF-8, so it cannot be read as such.
        CliRun.Result r = sh(env("C"), "exec \"$0\" task create --template 1 --name \"$(printf '\\326\\320\\316\\304')\"");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("argument 6 is not valid UTF-8"), r.err());
        assertTrue(sb.requests().stream().noneMatch(q -> q.pathAndQuery().contains("create_task")), "nothing sent");
    }
}
