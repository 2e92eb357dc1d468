package bkops.cli.docs;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The visible commands of the tree in a stable order, as the completion and man page generators read them. */
final class CommandTree {
    private CommandTree() {}

    /** Visible commands by their path after "bkops" ("" for the root, "task status" for a verb). */
    static Map<String, CommandSpec> commands(CommandLine root) {
        Map<String, CommandSpec> out = new LinkedHashMap<>();
        walk(root.getCommandSpec(), "", out);
        return out;
    }

    private static void walk(CommandSpec spec, String path, Map<String, CommandSpec> out) {
        out.put(path, spec);
        for (Map.Entry<String, CommandLine> e : spec.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            // aliases map to the same spec: keep only the primary name
            if (!e.getKey().equals(sub.name()) || sub.usageMessage().hidden()) {
                continue;
            }
            walk(sub, path.isEmpty() ? e.getKey() : path + " " + e.getKey(), out);
        }
    }

    static List<String> subcommandNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : spec.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (e.getKey().equals(sub.name()) && !sub.usageMessage().hidden()) {
                names.add(e.getKey());
            }
        }
        return names;
    }

    static List<OptionSpec> options(CommandSpec spec) {
        return spec.options().stream().filter(o -> !o.hidden()).toList();
    }

    static List<PositionalParamSpec> positionals(CommandSpec spec) {
        return spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
    }

    static boolean takesValue(OptionSpec o) {
        return o.arity().max() > 0 && !o.typeInfo().isBoolean();
    }

    static List<String> candidates(OptionSpec o) {
        List<String> c = new ArrayList<>();
        if (o.completionCandidates() != null) {
            o.completionCandidates().forEach(c::add);
        }
        return c;
    }

    static List<String> candidates(PositionalParamSpec p) {
        List<String> c = new ArrayList<>();
        if (p.completionCandidates() != null) {
            p.completionCandidates().forEach(c::add);
        }
        return c;
    }

    /** Which live ids a parameter takes, from its label: TASK, TEMPLATE, PERIODIC (null = none). */
    static String liveKind(String paramLabel) {
        String l = paramLabel.replaceAll("[<>.\\[\\]…]", "").toUpperCase(java.util.Locale.ROOT);
        return switch (l) {
            case "TASK", "TASK_ID" -> "tasks";
            case "TEMPLATE", "TEMPLATE_ID" -> "templates";
            case "PERIODIC", "PERIODIC_ID" -> "periodic";
            default -> null;
        };
    }

    /** First sentence of a command's description, for menus. */
    static String summary(CommandSpec spec) {
        String[] d = spec.usageMessage().header().length > 0 ? spec.usageMessage().header() : spec.usageMessage().description();
        if (d.length == 0) {
            return "";
        }
        String s = d[0].replace("%n", " ").strip();
        int dot = s.indexOf(". ");
        return dot > 0 ? s.substring(0, dot + 1) : s;
    }

    static String describe(OptionSpec o) {
        String[] d = o.description();
        return d.length == 0 ? "" : String.join(" ", d).replace("%n", " ").replaceAll("\\$\\{[A-Z-]+}", "").strip();
    }
}
