package bkops.cli;

import bkops.sandbox.SandboxCredentials;
import bkops.testing.BkopsTest;
import bkops.testing.Processes;
import bkops.testing.Slow;
import bkops.testing.TestEnv;
import bkops.testing.TlsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
@BkopsTest
class InsecureScopeTest {
    static TestEnv local;
    static TlsServer server;
    // Self-signed for another host than the 127.0.0.1 bkops connects to; trusted as its own anchor with --ca-cert,
    // so that only the host name is wrong.
    static Path caPem = TlsServer.file("wrong-host.pem");

    @BeforeAll
    static void start() throws Exception {
        server = TlsServer.start("wrong-host.p12");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anInsecureCommandLeavesTheNextCommandsInTheSameJvmVerified() throws Exception {
        List<String> insecure = InsecureScopeProbe.command("template", "list", "-o", "id", "--insecure");
        List<String> normal = InsecureScopeProbe.command("template", "list", "-o", "id", "--ca-cert", caPem.toString());
        List<String> cmd = Processes.java(InsecureScopeProbe.class.getName());
        cmd.addAll(InsecureScopeProbe.join(List.of(insecure, normal, insecure)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(local.env());
        pb.environment().put("BKOPS_SOPS_URL", server.sopsUrl());
        pb.environment().put("BKOPS_BIZ", "2");
        pb.environment().put("BK_APP_CODE", SandboxCredentials.APP_CODE);
        pb.environment().put("BK_APP_SECRET", "insecure-scope-secret");
        pb.environment().put("BK_USERNAME", "admin");
        pb.environment().put("BKOPS_RETRIES", "0");
        Process p = pb.start();
        String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe finished");
        Processes.record(pb.environment(), p.exitValue(), report, "");

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
