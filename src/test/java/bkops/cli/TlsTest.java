package bkops.cli;

import bkops.sandbox.SandboxCredentials;
import bkops.testing.CliRun;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * TLS against an HTTPS endpoint whose certificate comes from a private CA made for the test with keytool:
 * verified by default (refused), trusted with --ca-cert, and accepted unverified only with --insecure and a warning.
 */
@Slow
class TlsTest {
    @TempDir
    static Path dir;
    static HttpsServer server;
    static Path caPem;

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool " + args[0] + ": " + out);
    }

    @BeforeAll
    static void start() throws Exception {
        Path ks = dir.resolve("server.p12");
        caPem = dir.resolve("ca.pem");
        String pass = "changeit";
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=bkops test CA", "-ext", "bc:c",
                "-validity", "2", "-keystore", ks.toString(), "-storepass", pass, "-storetype", "PKCS12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "2",
                "-keystore", ks.toString(), "-storepass", pass, "-storetype", "PKCS12");
        Path csr = dir.resolve("server.csr");
        Path crt = dir.resolve("server.crt");
        keytool("-certreq", "-alias", "server", "-file", csr.toString(), "-keystore", ks.toString(), "-storepass", pass);
        keytool("-gencert", "-alias", "ca", "-infile", csr.toString(), "-outfile", crt.toString(), "-rfc",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", ks.toString(), "-storepass", pass);
        keytool("-exportcert", "-alias", "ca", "-rfc", "-file", caPem.toString(), "-keystore", ks.toString(), "-storepass", pass);
        keytool("-importcert", "-alias", "server", "-file", crt.toString(), "-keystore", ks.toString(), "-storepass", pass,
                "-noprompt");

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, pass.toCharArray());
        }
        store.deleteEntry("ca"); // the server presents only its own certificate
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

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", dir.toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.put("BKOPS_SOPS_URL", "https://127.0.0.1:" + server.getAddress().getPort() + "/api/bk-sops/prod");
        env.put("BKOPS_BIZ", "2");
        env.put("BK_APP_CODE", SandboxCredentials.APP_CODE);
        env.put("BK_APP_SECRET", "tls-test-secret");
        env.put("BK_USERNAME", "admin");
        env.put("BKOPS_RETRIES", "0");
        return env;
    }

    @Test
    void anUnknownCertificateAuthorityIsRefusedWithAHint() {
        CliRun.Result r = CliRun.run(env(), "template", "list", "-o", "id");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.err().contains("TLS with 127.0.0.1:") && r.err().contains("--ca-cert"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void aPrivateCaGivenWithCaCertIsTrusted() {
        CliRun.Result r = CliRun.run(env(), "template", "list", "-o", "id", "--ca-cert", caPem.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("1\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void insecureWorksButWarnsEveryTime() {
        CliRun.Result r = CliRun.run(env(), "template", "list", "-o", "id", "--insecure");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("1\n", r.out());
        assertTrue(r.err().contains("warning: --insecure: TLS certificates are NOT verified"), r.err());
    }
}
