package bkops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs several bkops commands one after the other in this one JVM, as the daemon does, and prints each one's exit code
 * and stderr. Started in a fresh JVM by {@link InsecureScopeTest}: JVM-wide TLS state must start clean.
 * Arguments: the commands, separated by ";;".
 */
public final class InsecureScopeProbe {
    private InsecureScopeProbe() {}

    public static void main(String[] args) {
        List<List<String>> commands = new ArrayList<>();
        commands.add(new ArrayList<>());
        for (String a : args) {
            if (a.equals(";;")) {
                commands.add(new ArrayList<>());
            } else {
                commands.get(commands.size() - 1).add(a);
            }
        }
        PrintWriter report = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        for (List<String> c : commands) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                    java.io.InputStream.nullInputStream(), System.getenv(), false, false, CliContext.Sleeper.REAL);
            int code = Cli.run(ctx, c.toArray(String[]::new));
            report.println("=== " + String.join(" ", c) + " -> exit " + code);
            report.print(err);
        }
        report.flush();
        System.exit(0);
    }

    static List<String> join(List<List<String>> commands) {
        List<String> args = new ArrayList<>();
        for (List<String> c : commands) {
            if (!args.isEmpty()) {
                args.add(";;");
            }
            args.addAll(c);
        }
        return args;
    }

    static List<String> command(String... words) {
        return Arrays.asList(words);
    }
}
