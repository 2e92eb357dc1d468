package bkops.cli;

import bkops.testing.CliRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only the command and verb named on the command line are built (start-up, issue 17: picocli builds each command by
 * reflection, ~13 verbs of 'task' for one 'task status'); everything when the words do not say which.
 */
class LazyRegistrationTest {
    private static CommandLine build(String... args) {
        StringWriter sink = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(sink), new PrintWriter(sink), InputStream.nullInputStream(),
                Map.of(), false, false, CliContext.Sleeper.REAL);
        return Cli.build(ctx, args);
    }

    private static Set<String> verbsOf(CommandLine cl, String noun) {
        return cl.getSubcommands().get(noun).getSubcommands().keySet();
    }

    @Test
    void theNamedVerbAloneIsBuilt() {
        CommandLine cl = build("task", "status", "12");
        assertEquals(Set.of("task"), cl.getSubcommands().keySet());
        assertEquals(Set.of("status"), verbsOf(cl, "task"));
        // global options and their values before and between the words
        assertEquals(Set.of("status"), verbsOf(build("-p", "prod", "task", "-o", "json", "--timeout", "5s", "status"),
                "task"));
        assertEquals(Set.of("show"), verbsOf(build("node", "--biz=3", "show", "12", "n1"), "node"));
    }

    @Test
    void everyVerbWhenTheWordsDoNotSayWhich() {
        List<String> all = List.copyOf(verbsOf(build(), "task"));
        assertEquals(15, all.size(), all.toString());
        assertEquals(Set.copyOf(all), verbsOf(build("task"), "task"));
        assertEquals(Set.copyOf(all), verbsOf(build("task", "--help"), "task"));
        assertEquals(Set.copyOf(all), verbsOf(build("task", "statu"), "task"), "a typo: picocli suggests among all");
        assertEquals(Set.copyOf(all), verbsOf(build("task", "--", "status"), "task"));
        assertEquals(List.of("list", "create", "start", "claim", "operate", "pause", "resume", "revoke", "status", "show",
                "history", "graph", "watch", "wait", "count"), all, "help's order");
    }

    @Test
    void aTypoInTheVerbIsStillSuggested() {
        CliRun.Result r = CliRun.run(Map.of(), "task", "statu", "1");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("status"), r.err());
    }
}
