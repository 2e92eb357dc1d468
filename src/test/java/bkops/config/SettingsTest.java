package bkops.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {
    @TempDir
    Path tmp;
    Map<String, String> env;
    Map<String, String> flags;
    Path file;

    @BeforeEach
    void setUp() {
        env = new HashMap<>(Map.of("XDG_CONFIG_HOME", tmp.toString(), "HOME", tmp.resolve("home").toString()));
        flags = new HashMap<>();
        file = tmp.resolve("bkops/config");
    }

    private void writeConfig(String... lines) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private Settings resolve() {
        return Settings.resolve(flags, env);
    }

    @Test
    void eachSourceCombinationPicksTheHighest() throws Exception {
        // For each subset of {flag, env, profile} the highest present wins; with none the default applies.
        for (int mask = 0; mask < 8; mask++) {
            boolean flag = (mask & 1) != 0, fromEnv = (mask & 2) != 0, profile = (mask & 4) != 0;
            writeConfig("current-profile = prod", "[prod]",
                    profile ? "gateway = esb" : "# none",
                    profile ? "timeout = 3m" : "# none",
                    profile ? "sops-url = https://profile.example.com" : "# none");
            flags.clear();
            env.keySet().removeIf(k -> k.startsWith("BKOPS_"));
            if (flag) {
                flags.putAll(Map.of("gateway", "apigw", "timeout", "1s", "sops-url", "https://flag.example.com"));
            }
            if (fromEnv) {
                env.putAll(Map.of("BKOPS_GATEWAY", "esb", "BKOPS_TIMEOUT", "2s", "BKOPS_SOPS_URL", "http://env.example.com"));
            }
            Settings s = resolve();
            Source expected = flag ? Source.FLAG : fromEnv ? Source.ENV : profile ? Source.PROFILE : Source.DEFAULT;
            String label = "flag=" + flag + " env=" + fromEnv + " profile=" + profile;
            assertEquals(expected, s.setting(Key.GATEWAY).source(), label);
            assertEquals(expected, s.setting(Key.TIMEOUT).source(), label);
            assertEquals(flag ? Gateway.APIGW : fromEnv || profile ? Gateway.ESB : Gateway.APIGW, s.gateway(), label);
            assertEquals(flag ? Duration.ofSeconds(1) : fromEnv ? Duration.ofSeconds(2)
                    : profile ? Duration.ofMinutes(3) : Duration.ofSeconds(30), s.timeout(), label);
            Optional<String> url = Optional.ofNullable(s.setting(Key.SOPS_URL).value());
            assertEquals(flag ? Optional.of("https://flag.example.com") : fromEnv ? Optional.of("http://env.example.com")
                    : profile ? Optional.of("https://profile.example.com") : Optional.empty(), url, label);
        }
    }

    @Test
    void originsNameTheFlagTheVariableAndTheProfileFile() throws Exception {
        writeConfig("[prod]", "biz = 7");
        flags.put("profile", "prod");
        flags.put("timeout", "5s");
        env.put("BK_APP_CODE", "app");
        Settings s = resolve();
        assertEquals(new Setting("timeout", "5s", Source.FLAG, "--timeout"), s.setting(Key.TIMEOUT));
        assertEquals(new Setting("app-code", "app", Source.ENV, "BK_APP_CODE"), s.setting(Key.APP_CODE));
        assertEquals(new Setting("biz", "7", Source.PROFILE, "profile prod in " + file), s.setting(Key.BIZ));
        assertEquals(new Setting("retries", "3", Source.DEFAULT, "built-in"), s.setting(Key.RETRIES));
        assertEquals(new Setting("profile", "prod", Source.FLAG, "-p/--profile"), s.all().get(0));
        assertEquals(Key.values().length + 1, s.all().size());
    }

    @Test
    void profileSelectionFlagThenEnvThenFileThenSandbox() throws Exception {
        assertEquals("sandbox", resolve().profile());
        assertEquals(Source.DEFAULT, resolve().profileSetting().source());
        writeConfig("current-profile = a", "[a]", "[b]", "[c]");
        assertEquals("a", resolve().profile());
        env.put("BKOPS_PROFILE", "b");
        assertEquals("b", resolve().profile());
        flags.put("profile", "c");
        assertEquals("c", resolve().profile());
        flags.put("profile", "sandbox");
        assertTrue(resolve().embeddedSandbox());
    }

    @Test
    void unknownProfileIsAClearError() throws Exception {
        writeConfig("[a]");
        flags.put("profile", "prdo");
        ConfigException e = assertThrows(ConfigException.class, this::resolve);
        assertEquals("no profile 'prdo' (selected by -p/--profile) in " + file
                + "; known: a, sandbox; create it with 'bkops config init -p prdo'", e.getMessage());
    }

    @Test
    void builtInSandboxNeedsNoFile() {
        Settings s = resolve();
        assertFalse(Files.exists(file));
        assertTrue(s.embeddedSandbox());
        assertEquals(2, s.biz());
        assertEquals(Scope.CMDB_BIZ, s.scope());
        assertEquals("bkops-sandbox", s.appCode());
        assertEquals("sandbox-secret-0000", s.appSecret().reveal());
        assertEquals(Optional.of("admin"), s.username());
        assertEquals(Gateway.APIGW, s.gateway());
        assertEquals(3, s.retries());
        assertEquals(Source.DEFAULT, s.setting(Key.APP_CODE).source());
        assertEquals("built-in profile sandbox", s.setting(Key.APP_CODE).origin());
        assertTrue(s.warnings().isEmpty());
    }

    @Test
    void sandboxWithAUrlIsNotEmbeddedAndOtherProfilesGetNoSandboxDefaults() throws Exception {
        env.put("BKOPS_SOPS_URL", "http://127.0.0.1:8080/");
        Settings s = resolve();
        assertFalse(s.embeddedSandbox());
        assertEquals(URI.create("http://127.0.0.1:8080"), s.sopsUrl());
        // A bare URL must not borrow the sandbox's credentials (it may be a real server)...
        assertThrows(ConfigException.class, s::appCode);
        // ...but naming the sandbox profile (a `bkops sandbox serve` elsewhere) does.
        env.put("BKOPS_PROFILE", "sandbox");
        Settings named = resolve();
        assertFalse(named.embeddedSandbox());
        assertEquals("bkops-sandbox", named.appCode());
        env.remove("BKOPS_PROFILE");

        writeConfig("[local]", "sops-url = http://127.0.0.1:8080");
        flags.put("profile", "local");
        Settings local = resolve();
        assertFalse(local.embeddedSandbox());
        ConfigException e = assertThrows(ConfigException.class, local::appCode);
        assertEquals("no app-code in profile 'local': give it with --app-code, $BK_APP_CODE, "
                + "'bkops config set app-code VALUE'", e.getMessage());
    }

    @Test
    void colorHonoursNoColorAndClicolorForceBelowTheFlag() {
        assertEquals(ColorMode.AUTO, resolve().color());
        env.put("CLICOLOR_FORCE", "1");
        assertEquals(ColorMode.ALWAYS, resolve().color());
        env.put("NO_COLOR", "1");
        assertEquals(ColorMode.NEVER, resolve().color());
        assertEquals("NO_COLOR", resolve().setting(Key.COLOR).origin());
        flags.put("color", "always");
        assertEquals(ColorMode.ALWAYS, resolve().color());
        flags.clear();
        env.put("NO_COLOR", "");
        env.put("CLICOLOR_FORCE", "0");
        assertEquals(ColorMode.AUTO, resolve().color());
    }

    @Test
    void badValuesNameTheirOrigin() throws Exception {
        env.put("BKOPS_GATEWAY", "bkapi");
        assertEquals("bad gateway 'bkapi' from BKOPS_GATEWAY: expected apigw, esb",
                assertThrows(ConfigException.class, this::resolve).getMessage());
        env.remove("BKOPS_GATEWAY");
        flags.put("sops-url", "bkapi.example.com");
        assertEquals("bad sops-url 'bkapi.example.com' from --sops-url: expected an http:// or https:// URL with a host",
                assertThrows(ConfigException.class, this::resolve).getMessage());
        flags.clear();
        flags.put("timeout", "soon");
        assertEquals("bad timeout 'soon' from --timeout: use e.g. 30s, 2m, 500ms, 1h30m or a number of seconds",
                assertThrows(ConfigException.class, this::resolve).getMessage());
        flags.clear();
        writeConfig("current-profile = p", "[p]", "biz = two");
        assertEquals("bad biz 'two' from profile p in " + file + ": expected a positive whole number",
                assertThrows(ConfigException.class, this::resolve).getMessage());
        writeConfig("current-profile = p", "[p]", "sops_url = https://x");
        assertTrue(assertThrows(ConfigException.class, this::resolve).getMessage()
                .startsWith("unknown setting 'sops_url' in profile p in " + file));
    }

    @Test
    void appSecretComesFromEnvFileOrProfileButNeverAFlag() throws Exception {
        writeConfig("current-profile = p", "[p]", "app-secret = from-profile");
        flags.put("app-secret", "from-flag");
        assertEquals("from-profile", resolve().appSecret().reveal());
        env.put("BK_APP_SECRET", "from-env");
        assertEquals("from-env", resolve().appSecret().reveal());
        Path secretFile = tmp.resolve("secret");
        Files.writeString(secretFile, "  from-file\n");
        flags.put("app-secret-file", secretFile.toString());
        Settings s = resolve();
        assertEquals("from-file", s.appSecret().reveal());
        assertEquals(Source.FLAG, s.setting(Key.APP_SECRET).source());
        assertEquals("file " + secretFile + " (from --app-secret-file)", s.setting(Key.APP_SECRET).origin());
    }

    @Test
    void secretFileInTheProfileBeatsTheSandboxDefaultAndExpandsHome() throws Exception {
        Files.createDirectories(tmp.resolve("home"));
        Files.writeString(tmp.resolve("home/bk.secret"), "s3cret\n");
        writeConfig("[sandbox]", "app-secret-file = ~/bk.secret");
        Settings s = resolve();
        assertEquals("s3cret", s.appSecret().reveal());
        assertEquals(Source.PROFILE, s.setting(Key.APP_SECRET).source());
    }

    @Test
    void missingSecretFileIsAClearError() {
        Path missing = tmp.resolve("nope");
        flags.put("app-secret-file", missing.toString());
        assertEquals("cannot read the app secret file " + missing + " given by --app-secret-file: no such file",
                assertThrows(ConfigException.class, this::resolve).getMessage());
    }

    @Test
    void groupReadableFileGivesOneWarning() throws Exception {
        writeConfig("[p]");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> warnings = resolve().warnings();
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("chmod 600"), warnings.get(0));
    }

    @Test
    void tokensComeFromEnvOrProfileAsSecrets() throws Exception {
        env.put("BK_TOKEN", "ticket-from-the-login-cookie");
        writeConfig("[sandbox]", "access-token = tok");
        Settings s = resolve();
        assertEquals("ticket-from-the-login-cookie", s.bkToken().orElseThrow().reveal());
        assertEquals("****ie", s.setting(Key.BK_TOKEN).displayValue());
        assertEquals("****", s.accessToken().orElseThrow().toString());
        flags.put("bk-token", "x");
        assertEquals(Source.ENV, resolve().setting(Key.BK_TOKEN).source());
    }

    @Test
    void protectIsTheProfilesAndTheEnvironmentCanOnlyMakeItStricter() throws Exception {
        assertEquals(new Setting("protect", "none", Source.DEFAULT, "built-in"), resolve().setting(Key.PROTECT));
        assertEquals(Protect.NONE, resolve().protect());
        writeConfig("current-profile = prod", "[prod]", "protect = Confirm", "[ci]");
        assertEquals(new Setting("protect", "confirm", Source.PROFILE, "profile prod in " + file),
                resolve().setting(Key.PROTECT));
        env.put("BKOPS_PROTECT", "read-only");
        assertEquals(new Setting("protect", "read-only", Source.ENV, "BKOPS_PROTECT"), resolve().setting(Key.PROTECT));
        assertEquals(Protect.READ_ONLY, resolve().protect());
        // a looser value in the environment leaves the profile's, and says so where config view shows the origin
        env.put("BKOPS_PROTECT", "none");
        assertEquals(new Setting("protect", "confirm", Source.PROFILE, "profile prod in " + file
                + "; BKOPS_PROTECT=none is looser and cannot loosen it"), resolve().setting(Key.PROTECT));
        env.put("BKOPS_PROTECT", "confirm");
        assertEquals(Source.ENV, resolve().setting(Key.PROTECT).source());
        // the built-in sandbox is unprotected unless the environment says otherwise
        flags.put("profile", "sandbox");
        env.remove("BKOPS_PROTECT");
        assertEquals(Protect.NONE, resolve().protect());
        env.put("BKOPS_PROTECT", "read-only");
        assertEquals(Protect.READ_ONLY, resolve().protect());
        env.put("BKOPS_PROTECT", "readonly");
        assertEquals("bad protect 'readonly' from BKOPS_PROTECT: expected none, confirm, read-only",
                assertThrows(ConfigException.class, this::resolve).getMessage());
    }
}
