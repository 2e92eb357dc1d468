package bkops.cli;

import bkops.testing.CliRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cli tells picocli not to look up its converters for java.sql and java.time types (start-up, issue 17): no option or
 * parameter of any command may have such a type, or it would fail to convert.
 */
class ConverterExclusionTest {
    @Test
    void noOptionOrParameterHasAJavaSqlOrJavaTimeType() {
        StringWriter sink = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(sink), new PrintWriter(sink), java.io.InputStream.nullInputStream(),
                Map.of(), false, false, CliContext.Sleeper.REAL);
        CommandLine root = Cli.build(ctx);
        List<String> found = new ArrayList<>();
        Deque<CommandLine> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            CommandLine cl = todo.pop();
            CommandSpec spec = cl.getCommandSpec();
            for (ArgSpec arg : spec.args()) {
                for (Class<?> type : types(arg)) {
                    String name = type.getName();
                    if (name.startsWith("java.sql.") || name.startsWith("java.time.")) {
                        found.add(spec.qualifiedName() + " " + arg.paramLabel() + ": " + name);
                    }
                }
            }
            todo.addAll(cl.getSubcommands().values());
        }
        assertEquals(List.of(), found);
        assertEquals("java\\.sql\\..*,java\\.time\\..*", System.getProperty("picocli.converters.excludes"));
    }

    private static List<Class<?>> types(ArgSpec arg) {
        List<Class<?>> all = new ArrayList<>(List.of(arg.auxiliaryTypes()));
        all.add(arg.type());
        return all;
    }

    @Test
    void aPathOptionStillConverts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // java.nio.file.Path is one of picocli's reflective converters too, and must stay
        CliRun.Result r = CliRun.run(Map.of("HOME", dir.toString()), "sandbox", "reset", "--state-dir",
                dir.resolve("state").toString());
        assertEquals(0, r.exit(), r::toString);
    }
}
