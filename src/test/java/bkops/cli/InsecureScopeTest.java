package bkops.cli;

import bkops.sandbox.SandboxCredentials;
import bkops.testing.CliRun;
import bkops.testing.OutputLog;
import bkops.testing.Slow;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * --insecure is scoped to the command that asked for it. The daemon runs many commands in one JVM, so a fresh JVM runs
 * an --insecure command and then a normal one against an HTTPS server whose certificate (trusted by the normal command
 * with --ca-cert) names another host: the normal one must still refuse the host name.
 */
@Slow
class InsecureScopeTest {
    @TempDir
    static Path dir;
    static HttpsServer server;
    static Path caPem;

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool " + args[0] + ": " + out);
    }

    @BeforeAll
    static void start() throws Exception {
        Path ks = dir.resolve("server.p12");
        caPem = dir.resolve("server.pem");
        String pass = "changeit";
        // Self-signed for another host than the 127.0.0.1 bkops connects to; trusted as its own anchor with --ca-cert,
        // so that only the host name is wrong.
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=wrong.example.invalid",
                "-ext", "san=dns:wrong.example.invalid", "-validity", "2", "-keystore", ks.toString(),
                "-storepass", pass, "-storetype", "PKCS12");
        keytool("-exportcert", "-alias", "server", "-rfc", "-file", caPem.toString(), "-keystore", ks.toString(),
                "-storepass", pass);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, pass.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, pass.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/", ex -> {
            byte[] body = "{\"result\":true,\"code\":0,\"data\":[{\"id\":1,\"name\":\"tls ok\"}]}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void anInsecureCommandLeavesTheNextCommandsInTheSameJvmVerified() throws Exception {
        List<String> insecure = InsecureScopeProbe.command("template", "list", "-o", "id", "--insecure");
        List<String> normal = InsecureScopeProbe.command("template", "list", "-o", "id", "--ca-cert", caPem.toString());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), InsecureScopeProbe.class.getName()));
        cmd.addAll(InsecureScopeProbe.join(List.of(insecure, normal, insecure)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.environment().put("BKOPS_SOPS_URL", "https://127.0.0.1:" + server.getAddress().getPort() + "/api/bk-sops/prod");
        pb.environment().put("BKOPS_BIZ", "2");
        pb.environment().put("BK_APP_CODE", SandboxCredentials.APP_CODE);
        pb.environment().put("BK_APP_SECRET", "insecure-scope-secret");
        pb.environment().put("BK_USERNAME", "admin");
        pb.environment().put("BKOPS_RETRIES", "0");
        Process p = pb.start();
        String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe finished");
        OutputLog.record(OutputLog.Source.PROCESS, pb.environment(), new CliRun.Result(p.exitValue(), report, ""));

        Matcher m = Pattern.compile("-> exit (\\d+)").matcher(report);
        List<Integer> exits = new ArrayList<>();
        while (m.find()) {
            exits.add(Integer.parseInt(m.group(1)));
        }
        assertEquals(List.of(0, 6, 0), exits, "--insecure works, and only for its own command:\n" + report);
        String second = report.split("=== ")[2];
        // the certificate is trusted: what fails is the host name, which the --insecure command before must not switch off
        assertTrue(second.contains("TLS with 127.0.0.1:") && second.contains("No subject alternative names matching"),
                second);
    }
}
