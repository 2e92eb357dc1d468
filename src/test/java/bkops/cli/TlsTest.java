package bkops.cli;

import bkops.sandbox.SandboxCredentials;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestEnv;
import bkops.testing.TlsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * TLS against an HTTPS endpoint whose certificate comes from a private CA (committed, src/test/resources/tls):
 * verified by default (refused), trusted with --ca-cert, and accepted unverified only with --insecure and a warning.
 */
@BkopsTest
class TlsTest {
    static TestEnv local;
    static TlsServer server;
    static Path caPem = TlsServer.file("ca.pem");

    @BeforeAll
    static void start() throws Exception {
        server = TlsServer.start("server.p12");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = local.env();
        env.put("BKOPS_SOPS_URL", server.sopsUrl());
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
