package bkops.cli;

import bkops.cli.job.JobScenario;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.PoisoningProxy;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Names, messages, errors and logs from a server reach the terminal without their control characters: the sandbox's
 * world seen through a proxy that appends a window-title escape, a screen clear, a C1 terminal query, bidi overrides,
 * CR, BS and DEL to every text, shown by every human-format command -- tables, trees, verdicts, errors, logs. Only
 * bkops's own colours (SGR) may remain.
 */
@BkopsTest
class TerminalEscapesTest {
    /** ESC not starting an SGR sequence, any other C0 but tab and newline, DEL, C1, bidi embeddings/overrides/isolates. */
    private static final Pattern UNSAFE = Pattern.compile(
            "\\u001b(?!\\[[0-9;]*m)|[\\u0000-\\u0008\\u000b-\\u001a\\u001c-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]");

    static TestSandbox sb;
    static PoisoningProxy proxy;
    static Map<String, String> env;

    @BeforeAll
    static void start() {
        URI u = URI.create(sb.sandbox().sopsGatewayUrl());
        proxy = PoisoningProxy.start(u.getScheme() + "://" + u.getHost() + ":" + u.getPort());
        env = sb.env();
        env.put("BKOPS_SOPS_URL", proxy.via(sb.sandbox().sopsGatewayUrl()));
        env.put("BKOPS_JOB_URL", proxy.via(sb.sandbox().jobGatewayUrl()));
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    private final List<String> unsafe = new ArrayList<>();
    /** Commands that showed no poisoned text at all: they would prove nothing. */
    private final List<String> unseen = new ArrayList<>();

    /** Runs the command plain and coloured; records every unsafe character printed, with the command. */
    private CliRun.Result run(String... args) {
        CliRun.Result plain = runQuiet(args);
        if (!(plain.out() + plain.err()).contains("]0;pwned")) {
            unseen.add(String.join(" ", args));
        }
        return plain;
    }

    /** The same for a command that shows no text from the server (it prints only ids and our own words). */
    private CliRun.Result runQuiet(String... args) {
        CliRun.Result plain = CliRun.run(env, null, sb.sleeper(), false, args);
        List<String> coloured = new ArrayList<>(List.of("--color", "always"));
        coloured.addAll(List.of(args));
        for (CliRun.Result r : List.of(plain, CliRun.run(env, null, sb.sleeper(), false, coloured.toArray(String[]::new)))) {
            for (String stream : List.of(r.out(), r.err())) {
                Matcher m = UNSAFE.matcher(stream);
                if (m.find()) {
                    int from = Math.max(0, m.start() - 40);
                    unsafe.add(String.join(" ", args) + (stream == r.out() ? " (stdout): " : " (stderr): ")
                            + stream.substring(from, Math.min(stream.length(), m.end() + 20))
                            .replace("\u001b", "<ESC>").replace("\n", "<NL>"));
                }
            }
        }
        return plain;
    }

    @Test
    void noCommandPrintsAServersControlCharacters() {
        run("template", "list");
        run("template", "show", "1");
        run("template", "show", "9", "-o", "wide");
        run("template", "graph", "1", "-o", "dot");
        run("template", "graph", "1", "-o", "mermaid");
        run("template", "show", "99999");

        CliRun.Result created = run("task", "create", "--template", "2", "--name", "escapes");
        Matcher m = Pattern.compile("created task (\\d+)").matcher(created.out());
        assertTrue(m.find(), created.toString());
        String task = m.group(1);
        run("task", "list");
        run("task", "list", "-o", "wide");
        run("task", "show", task);
        runQuiet("task", "start", task);
        CliRun.Result waited = run("task", "wait", task);
        assertEquals(10, waited.exit(), "the flaky node failed: " + waited);
        run("task", "status", task);
        run("task", "status", task, "-o", "wide");
        run("task", "watch", task);
        run("node", "show", task, "flaky");
        run("node", "retry", task, "flaky");
        run("task", "show", "99999");

        CliRun.Result periodic = runQuiet("periodic", "create", "--template", "1", "--name", "nightly", "--cron", "0 3 * * *");
        Matcher pm = Pattern.compile("periodic task (\\d+)").matcher(periodic.out());
        assertTrue(pm.find(), periodic.toString());
        run("periodic", "list");
        run("periodic", "show", pm.group(1));

        long job = JobScenario.launch(sb, 1001);
        sb.advance(java.time.Duration.ofSeconds(5)); // its script step has run, and failed on one host
        run("job", "status", String.valueOf(job));
        run("job", "status", String.valueOf(job), "--hosts");
        run("job", "log", String.valueOf(job), "--step", String.valueOf(JobScenario.step(sb, job, 0)));
        run("doctor");

        assertEquals(List.of(), unsafe, "control characters from the server reached the terminal");
        assertEquals(List.of(), unseen, "commands that showed no text from the server, neutralised");
    }
}
