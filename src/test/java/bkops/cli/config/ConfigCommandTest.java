package bkops.cli.config;

import bkops.ExitCode;
import bkops.testing.BkopsTest;
import bkops.testing.TestEnv;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@BkopsTest
class ConfigCommandTest {
    static final String SECRET = "prod-secret-abcdefgh-1234";

    TestEnv local;
    Path tmp;
    Map<String, String> env;
    Path file;

    @BeforeEach
    void setUp() {
        tmp = local.home();
        env = local.env();
        file = local.configFile();
    }

    private CliRun run(String... args) {
        return CliRun.run(env, "", false, args);
    }

    private CliRun runWithStdin(String stdin, String... args) {
        return CliRun.run(env, stdin, false, args);
    }

    private void initProd() {
        env.put("BK_APP_SECRET", SECRET);
        CliRun r = run("config", "init", "-p", "prod", "--sops-url", "https://bkapi.example.com/api/bk-sops/prod/",
                "--job-url", "https://bkapi.example.com/api/bk-job/prod", "-b", "3", "--app-code", "ops",
                "--username", "alice");
        env.remove("BK_APP_SECRET");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void viewWithNoFileShowsTheBuiltInSandbox() {
        CliRun r = run("config", "view");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("KEY "), r.out());
        assertTrue(r.out().contains("\nprofile          sandbox        default  built-in\n"), r.out());
        assertTrue(r.out().contains("\napp-code         bkops-sandbox  default  built-in profile sandbox\n"), r.out());
        assertTrue(r.out().contains("\nsops-url         -              default  the embedded simulator"), r.out());
        assertTrue(r.out().contains("\napp-secret       ****00         default"), r.out());
        assertTrue(r.out().contains("\nprotect          none           default  built-in\n"), r.out());
        assertEquals(20, r.out().lines().count());
        assertFalse(r.all().contains("sandbox-secret-0000"));
        assertFalse(Files.exists(file));
    }

    @Test
    void initNonInteractiveWritesA0600FileAndMakesItCurrent() throws Exception {
        initProd();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        String text = Files.readString(file);
        assertTrue(text.contains("current-profile = prod\n"), text);
        assertTrue(text.contains("[prod]\nsops-url = https://bkapi.example.com/api/bk-sops/prod\n"), text);
        assertTrue(text.contains("app-secret = " + SECRET + "\n"), text);
        assertTrue(text.contains("gateway = apigw\n"), text);
    }

    @Test
    void viewShowsSourcesAndNeverTheSecret() throws Exception {
        initProd();
        env.put("BKOPS_BIZ", "9");
        CliRun r = run("config", "view", "--timeout", "5s");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.all().contains(SECRET), r.all());
        assertTrue(r.out().contains("app-secret       ****34"), r.out());
        assertTrue(r.out().contains("biz              9"), r.out());
        assertTrue(r.out().contains("env      BKOPS_BIZ\n"), r.out());
        assertTrue(r.out().contains("flag     --timeout\n"), r.out());
        assertTrue(r.out().contains("profile  profile prod in " + file + "\n"), r.out());
    }

    @Test
    void protectIsSetPerProfileAndShownWithItsSource() throws Exception {
        initProd();
        CliRun set = run("config", "set", "-p", "prod", "protect", "Confirm");
        assertEquals(0, set.code(), set.err());
        assertEquals("set protect = confirm in profile 'prod' (" + file + ")\n", set.out() + set.err());
        assertTrue(Files.readString(file).contains("\nprotect = confirm\n"));
        CliRun view = run("config", "view");
        assertTrue(view.out().lines().anyMatch(l -> l.replaceAll(" +", " ")
                .equals("protect confirm profile profile prod in " + file)), view.out());
        env.put("BKOPS_PROTECT", "read-only");
        JsonNode doc = new ObjectMapper().readTree(run("config", "view", "-o", "json").out());
        assertEquals("read-only", doc.at("/settings/protect/value").asText());
        assertEquals("env", doc.at("/settings/protect/source").asText());
        assertEquals("BKOPS_PROTECT", doc.at("/settings/protect/origin").asText());
        // looser than the profile's: the profile's stays, and the origin says why
        env.put("BKOPS_PROTECT", "none");
        doc = new ObjectMapper().readTree(run("config", "view", "-o", "json").out());
        assertEquals("confirm", doc.at("/settings/protect/value").asText());
        assertEquals("profile prod in " + file + "; BKOPS_PROTECT=none is looser and cannot loosen it",
                doc.at("/settings/protect/origin").asText());
        CliRun bad = run("config", "set", "protect", "readonly");
        assertEquals(ExitCode.USAGE.code(), bad.code());
        assertEquals("bkops: bad protect 'readonly' from the command line: expected none, confirm, read-only\n", bad.err());
    }

    @Test
    void globalFlagsCountBeforeTheNounToo() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(run("--gateway", "ESB", "-o", "json", "config", "view").out());
        assertEquals("esb", doc.at("/settings/gateway/value").asText());
        assertEquals("--gateway", doc.at("/settings/gateway/origin").asText());
        assertTrue(doc.path("embeddedSandbox").asBoolean());
    }

    @Test
    void viewAsJsonParsesAndMasks() throws Exception {
        initProd();
        CliRun r = run("config", "view", "-o", "json");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.all().contains(SECRET));
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(file.toString(), doc.path("configFile").asText());
        assertFalse(doc.path("embeddedSandbox").asBoolean());
        assertEquals("prod", doc.at("/settings/profile/value").asText());
        assertEquals("****34", doc.at("/settings/app-secret/value").asText());
        assertEquals("profile", doc.at("/settings/app-secret/source").asText());
        assertEquals("default", doc.at("/settings/timeout/source").asText());
        assertTrue(doc.at("/settings/bk-token/value").isNull());
    }

    @Test
    void viewRejectsAnExplicitFormatItCannotPrint() {
        CliRun r = run("config", "view", "-o", "tree");
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertEquals("bkops: output format 'tree' (from flag) is not available here; choose one of: table, wide, json\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void groupReadableFileWarnsOnceOnStderr() throws Exception {
        initProd();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun r = run("config", "view", "-o", "json");
        assertEquals(0, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("bkops: warning: " + file + " holds secrets"), r.err());
        new ObjectMapper().readTree(r.out());
    }

    @Test
    void initWithoutTerminalAndMissingValuesFailsWithExit2() {
        CliRun r = run("config", "init", "-p", "prod", "--sops-url", "https://x.example.com");
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertEquals("bkops: config init needs -b/--biz, --app-code, an app secret (--app-secret-file, "
                + "--app-secret-stdin or $BK_APP_SECRET) (not asked: stdin is not a terminal)\n", r.err());
        assertFalse(Files.exists(file));
    }

    @Test
    void initAsksOnATerminalForWhatIsMissing() throws Exception {
        String answers = String.join("\n", "not a url", "https://paas.example.com", "", "esb", "5", "my-app", "bob",
                "typed-secret-value", "");
        CliRun r = CliRun.run(env, answers, true, "config", "init", "-p", "esb1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("Standard OPS URL (gateway or ESB host): "), r.err());
        assertTrue(r.err().contains("bad sops-url 'not a url' from your answer"), r.err());
        assertTrue(r.err().contains("Front door, apigw or esb [apigw]: "), r.err());
        assertTrue(r.err().contains("App secret: "), r.err());
        assertFalse(r.all().contains("typed-secret-value"));
        Map<String, String> p = bkops.config.ProfileFile.load(file).profile("esb1");
        assertEquals(Map.of("sops-url", "https://paas.example.com", "gateway", "esb", "biz", "5", "app-code", "my-app",
                "username", "bob", "app-secret", "typed-secret-value"), p);
    }

    @Test
    void initReadsTheSecretFromStdinOrKeepsTheSecretFilePath() throws Exception {
        CliRun r = runWithStdin("piped-secret\n", "config", "init", "-p", "a", "--sops-url", "https://x.example.com",
                "-b", "1", "--app-code", "c", "--app-secret-stdin");
        assertEquals(0, r.code(), r.err());
        assertEquals("piped-secret", bkops.config.ProfileFile.load(file).profile("a").get("app-secret"));

        Path secretFile = tmp.resolve("secret.txt");
        Files.writeString(secretFile, "file-secret\n");
        r = run("config", "init", "-p", "a", "--app-secret-file", secretFile.toString());
        assertEquals(0, r.code(), r.err());
        Map<String, String> p = bkops.config.ProfileFile.load(file).profile("a");
        assertEquals(secretFile.toString(), p.get("app-secret-file"));
        assertFalse(p.containsKey("app-secret"), "the file replaces the stored secret");
        assertEquals("https://x.example.com", p.get("sops-url"), "existing values are kept");
    }

    @Test
    void missingSecretFileIsExit2WithAClearLine() {
        CliRun r = run("config", "view", "--app-secret-file", tmp.resolve("nope").toString());
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertEquals("bkops: cannot read the app secret file " + tmp.resolve("nope")
                + " given by --app-secret-file: no such file\n", r.err());
    }

    @Test
    void setValidatesWritesAndUnsetRemoves() throws Exception {
        initProd();
        CliRun r = run("config", "set", "timeout", "2m");
        assertEquals(0, r.code(), r.err());
        assertEquals("set timeout = 2m in profile 'prod' (" + file + ")\n", r.err());
        assertTrue(run("config", "view").out().contains("timeout          2m"));

        r = run("config", "set", "gateway", "bkapi");
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertEquals("bkops: bad gateway 'bkapi' from the command line: expected apigw, esb\n", r.err());

        r = run("config", "set", "sops_url", "x");
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertTrue(r.err().startsWith("bkops: unknown setting 'sops_url'; known: sops-url, job-url"), r.err());

        r = run("config", "unset", "timeout");
        assertEquals(0, r.code());
        assertFalse(Files.readString(file).contains("timeout"));
        r = run("config", "unset", "timeout");
        assertEquals("timeout is not set in profile 'prod'; nothing changed\n", r.err());
    }

    @Test
    void setOfASecretTakesOnlyStdin() throws Exception {
        initProd();
        CliRun r = run("config", "set", "app-secret", "plain-text-secret");
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertTrue(r.err().contains("never taken as an argument"), r.err());
        assertFalse(r.err().contains("plain-text-secret"));
        assertFalse(Files.readString(file).contains("plain-text-secret"));

        r = runWithStdin("new-secret-from-stdin\n", "config", "set", "app-secret", "-");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.all().contains("new-secret-from-stdin"), r.all());
        assertTrue(Files.readString(file).contains("app-secret = new-secret-from-stdin\n"));

        r = runWithStdin("", "config", "set", "bk-token", "-");
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertEquals("bkops: expected the bk-token on stdin, got nothing\n", r.err());
    }

    @Test
    void setWithNoProfileSelectedRefusesToGuess() {
        CliRun r = run("config", "set", "biz", "3");
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertEquals("bkops: no profile selected: give -p NAME, or create one with 'bkops config init -p NAME'\n", r.err());
        assertEquals(0, run("config", "set", "-p", "new", "biz", "3").code());
        assertEquals("3", bkops.config.ProfileFile.load(file).profile("new").get("biz"));
    }

    @Test
    void useAndProfilesFollowTheSelection() {
        initProd();
        assertEquals(0, run("config", "set", "-p", "test", "biz", "4").code());
        assertEquals("* prod\n  test\n  sandbox  (built-in)\n", run("config", "profiles").out());

        CliRun r = run("config", "use", "test");
        assertEquals(0, r.code(), r.err());
        assertEquals("now using profile 'test'\n", r.err());
        assertEquals("  prod\n* test\n  sandbox  (built-in)\n", run("config", "profiles").out());

        env.put("BKOPS_PROFILE", "sandbox");
        assertEquals("  prod\n  test\n* sandbox  (built-in)\n", run("config", "profiles").out());
        r = run("config", "use", "prod");
        assertEquals("now using profile 'prod'\nnote: BKOPS_PROFILE=sandbox overrides it in this environment\n", r.err());
        assertEquals("  prod\n  test\n* sandbox  (built-in)\n", run("config", "profiles", "-p", "sandbox").out());

        r = run("config", "use", "nope");
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertEquals("bkops: no profile 'nope' in " + file + "; known: prod, test, sandbox\n", r.err());
    }

    @Test
    void profilesAsJson() throws Exception {
        initProd();
        JsonNode rows = new ObjectMapper().readTree(run("config", "profiles", "-o", "json").out());
        assertEquals(2, rows.size());
        assertEquals("prod", rows.get(0).path("name").asText());
        assertTrue(rows.get(0).path("current").asBoolean());
        assertTrue(rows.get(1).path("builtIn").asBoolean());
    }

    @Test
    void configAloneIsAUsageError() {
        CliRun r = run("config");
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertTrue(r.err().endsWith("bkops: a config command is required, e.g. 'bkops config view'\n"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownSelectedProfileIsExit2() {
        CliRun r = run("config", "view", "-p", "nope");
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertTrue(r.err().startsWith("bkops: no profile 'nope' (selected by -p/--profile)"), r.err());
    }
}
