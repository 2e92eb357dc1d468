package bkops.cli;

import bkops.ExitCode;
import bkops.i18n.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hidden: runs typical commands in-process against a throw-away sandbox so that a class-data archive recorded around
 * this run (-XX:ArchiveClassesAtExit, done at package time) holds the classes real commands load.
 */
@Command(name = "__train", hidden = true, description = "Exercise common commands (used to build the start-up archive).")
public final class TrainCommand implements Runnable {
    private static final List<String[]> RUNS = List.of(
            new String[] {"--version"},
            new String[] {"template", "list"},
            new String[] {"template", "list", "-o", "json"},
            new String[] {"template", "show", "9", "-o", "wide"},
            new String[] {"template", "show", "5", "-o", "yaml"},
            new String[] {"template", "graph", "7"},
            new String[] {"task", "list"},
            new String[] {"doctor"},
            new String[] {"config", "view"},
            new String[] {"template", "show", "999999"});

    @ParentCommand
    BkopsCommand root;

    @Override
    public void run() {
        Path state;
        try {
            state = Files.createTempDirectory("bkops-train");
        } catch (IOException e) {
            throw new CliException(ExitCode.INTERNAL, Text.of("errors.cli.train.temp", e.getMessage()));
        }
        Map<String, String> env = new HashMap<>();
        env.put("HOME", state.toString());
        env.put("XDG_STATE_HOME", state.resolve("state").toString());
        env.put("XDG_CONFIG_HOME", state.resolve("config").toString());
        List<String[]> runs = new ArrayList<>(RUNS);
        // the task commands of daily use, on a task of their own (template 9 has a subprocess)
        String task = run(env, "task", "create", "--template", "9", "--name", "train", "--start", "-o", "id").strip();
        if (task.matches("[0-9]+")) {
            for (String[] args : TASK_RUNS) {
                String[] withId = args.clone();
                withId[2] = task;
                runs.add(withId);
            }
        }
        int failed = 0;
        for (String[] args : runs) {
            int code = Cli.run(context(env, new StringWriter()), args);
            if (code != 0 && code != ExitCode.NOT_FOUND.code() && code != ExitCode.USAGE.code()) {
                failed++;
            }
        }
        root.context().err().println("trained on " + (runs.size() + 1) + " commands" + (failed > 0 ? ", " + failed + " failed" : ""));
    }

    private static final List<String[]> TASK_RUNS = List.of(
            new String[] {"task", "status", "ID"},
            new String[] {"task", "status", "ID", "-o", "json"},
            new String[] {"task", "show", "ID"},
            new String[] {"task", "graph", "ID"});

    private static String run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        Cli.run(context(env, out), args);
        return out.toString();
    }

    private static CliContext context(Map<String, String> env, StringWriter out) {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        return new CliContext(new PrintWriter(out), sink, java.io.InputStream.nullInputStream(), env, false, false,
                CliContext.Sleeper.REAL);
    }
}
