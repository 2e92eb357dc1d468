package bkops.cli;

import bkops.testing.CliRun;
import bkops.testing.ScriptedServer;
import bkops.testing.OutputLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A server that echoes the credentials it was sent -- in a business error's message, in a 500 page, as a Python dict --
 * never gets them printed: not in the error line, not with -v or --debug, not in bulk results on stdout; whether the
 * secret came from the environment or a profile, and whatever kind it is (app secret, bk_token, access token).
 */
class SecretsInErrorsTest {
    static final String TOKEN = "bk-token-in-use-4c1d";
    static final String ACCESS = "access-token-in-use-77ab";
    static final String PROFILE_SECRET = "profile-app-secret-a91e";
    static final String STRANGER = "someone-elses-secret-0e9f";
    static final List<String> SECRETS = List.of(ScriptedServer.SECRET, TOKEN, ACCESS, PROFILE_SECRET, STRANGER);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static ScriptedServer server;

    @BeforeAll
    static void start() {
        SECRETS.forEach(OutputLog::secret);
        server = ScriptedServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A business error whose message repeats the authorization header the request carried. */
    private static void echoHeaderInMessage(String api) {
        server.on(api, h -> new ScriptedServer.Reply(200, body("result", false, "code", 3599999,
                "message", "invalid X-Bkapi-Authorization: " + h.getFirst("X-Bkapi-Authorization"))));
    }

    private static void assertNoSecret(CliRun.Result r) {
        for (String s : SECRETS) {
            assertFalse(r.out().contains(s) || r.err().contains(s), "secret " + s.substring(0, 6) + "... printed:\n" + r);
        }
    }

    private static void assertMaskedError(CliRun.Result r) {
        assertNotEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("****"), "the error is still shown, masked:\n" + r);
        assertNoSecret(r);
    }

    @Test
    void anEchoedHeaderIsMaskedWithAndWithoutDiagnostics() {
        echoHeaderInMessage("get_template_list");
        Map<String, String> env = server.env(dir);
        assertMaskedError(CliRun.run(env, "template", "list"));
        assertMaskedError(CliRun.run(env, "-v", "template", "list"));
        CliRun.Result debug = CliRun.run(env, "--debug", "template", "list");
        assertMaskedError(debug);
        assertTrue(debug.err().contains("\tat "), "--debug shows the stack trace, masked too:\n" + debug);
    }

    @Test
    void aServerErrorPageThatPrintsTheSecretAsAPythonDictIsMasked() {
        server.on("get_template_list", h -> new ScriptedServer.Reply(500, "KeyError in auth({'bk_app_code': 'bkops-sandbox', "
                + "'bk_app_secret': '" + ScriptedServer.SECRET + "'}) Traceback (most recent call last): ..."));
        CliRun.Result r = CliRun.run(server.env(dir), "template", "list");
        assertMaskedError(r);
        assertTrue(r.err().contains("server error HTTP 500"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void tokensInUseAreMaskedWhereverTheyAppear() {
        // No field name to go by: only knowing the values in use catches these.
        server.on("get_template_list", h -> new ScriptedServer.Reply(200, body("result", false, "code", 3599999,
                "message", "user unknown for " + h.getFirst("X-Bkapi-Authorization").replaceAll("[{}\":,]", " "))));
        Map<String, String> env = server.env(dir);
        env.put("BK_TOKEN", TOKEN);
        assertMaskedError(CliRun.run(env, "template", "list"));
        env.remove("BK_TOKEN");
        env.put("BK_ACCESS_TOKEN", ACCESS);
        assertMaskedError(CliRun.run(env, "template", "list"));
    }

    @Test
    void aSecretFromAProfileIsMaskedToo() throws Exception {
        server.on("get_template_list", h -> new ScriptedServer.Reply(200, body("result", false, "code", 3599999,
                "message", "denied; you sent " + h.getFirst("X-Bkapi-Authorization").replaceAll("[{}\":,]", " "))));
        Map<String, String> env = server.env(dir);
        env.remove("BK_APP_SECRET");
        env.remove("BKOPS_SOPS_URL");
        env.remove("BKOPS_JOB_URL");
        env.put("XDG_CONFIG_HOME", dir.resolve("profile-config").toString());
        Path file = dir.resolve("profile-config/bkops/config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[p]\nsops-url = " + server.sopsUrl() + "\nbiz = 2\napp-code = ops\napp-secret = "
                + PROFILE_SECRET + "\nusername = admin\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertMaskedError(CliRun.run(env, "-p", "p", "template", "list"));
    }

    @Test
    void aCredentialWeWereNeverToldAboutIsMaskedByWhereItSits() {
        server.on("get_template_list", 200, body("result", false, "code", 3599999,
                "message", "X-Bkapi-Authorization: {\"bk_app_code\": \"other\", \"bk_app_secret\": \"" + STRANGER + "\"}"));
        assertMaskedError(CliRun.run(server.env(dir), "template", "list"));
    }

    @Test
    void bulkResultsOnStdoutAreMasked() {
        echoHeaderInMessage("start_task");
        CliRun.Result r = CliRun.run(server.env(dir), "task", "start", "5", "6", "-o", "jsonl");
        assertNotEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\"ok\":false") && r.out().contains("****"), r.toString());
        assertNoSecret(r);
    }
}
