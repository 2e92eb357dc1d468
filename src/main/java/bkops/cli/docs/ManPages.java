package bkops.cli.docs;

import bkops.ExitCode;
import bkops.Version;
import bkops.cli.Cli;
import bkops.cli.OutputFormat;
import bkops.config.Key;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Man pages in roff, one for bkops and one for each subcommand, generated from the command classes. Written
 * directly (no AsciiDoc toolchain) so the build stays fast and the output is byte-for-byte reproducible.
 */
public final class ManPages {
    private ManPages() {}

    /** File name (e.g. bkops-task-status.1) to page text, in tree order. */
    public static Map<String, String> generate(CommandLine root) {
        Map<String, String> pages = new LinkedHashMap<>();
        CommandTree.commands(root).forEach((path, spec) -> pages.put(fileName(path), page(path, spec)));
        return pages;
    }

    static String fileName(String path) {
        return (path.isEmpty() ? "bkops" : "bkops-" + path.replace(' ', '-')) + ".1";
    }

    private static String page(String path, CommandSpec spec) {
        String full = path.isEmpty() ? "bkops" : "bkops " + path;
        String version = Version.number();
        StringBuilder sb = new StringBuilder();
        sb.append(".\\\" Generated from the command classes by 'bkops' (bin/gen-docs); do not edit.\n");
        sb.append(".TH \"").append(full.replace(' ', '-').toUpperCase(Locale.ROOT)).append("\" \"1\" \"\" \"bkops ")
          .append(version).append("\" \"bkops Manual\"\n");
        sb.append(".SH NAME\n").append(esc(full.replace(' ', '-'))).append(" \\- ").append(esc(CommandTree.summary(spec))).append('\n');

        sb.append(".SH SYNOPSIS\n.B ").append(esc(full)).append('\n');
        List<String> subs = CommandTree.subcommandNames(spec);
        StringBuilder syn = new StringBuilder("[\\fIOPTIONS\\fR]");
        if (!subs.isEmpty()) {
            syn.append(" \\fICOMMAND\\fR");
        }
        for (PositionalParamSpec p : CommandTree.positionals(spec)) {
            String label = esc(p.paramLabel());
            boolean many = p.arity().max() > 1;
            boolean optional = p.arity().min() == 0;
            String one = "\\fI" + label + "\\fR" + (many ? "..." : "");
            syn.append(' ').append(optional ? "[" + one + "]" : one);
        }
        sb.append(syn).append('\n');

        String[] description = spec.usageMessage().description();
        if (description.length > 0 || spec.usageMessage().header().length > 0) {
            sb.append(".SH DESCRIPTION\n");
            for (String h : spec.usageMessage().header()) {
                sb.append(text(h)).append('\n');
            }
            if (description.length > 0) {
                sb.append(".PP\n");
                boolean verbatim = false;
                for (String d : description) {
                    // Indented lines (tables of operations, examples) keep their layout; the rest is filled.
                    boolean indented = d.startsWith("  ");
                    if (indented != verbatim) {
                        sb.append(indented ? ".nf\n" : ".fi\n");
                        verbatim = indented;
                    }
                    sb.append(indented ? esc(d.replace("%n", "")) : text(d)).append('\n');
                }
                if (verbatim) {
                    sb.append(".fi\n");
                }
            }
        }

        if (!subs.isEmpty()) {
            sb.append(".SH COMMANDS\n");
            for (String n : subs) {
                CommandSpec sub = spec.subcommands().get(n).getCommandSpec();
                sb.append(".TP\n\\fB").append(esc(n)).append("\\fR\n").append(esc(CommandTree.summary(sub)))
                  .append("\nSee \\fB").append(esc(fileName((path.isEmpty() ? "" : path + " ") + n).replace(".1", "")))
                  .append("\\fR(1).\n");
            }
        }

        List<PositionalParamSpec> positionals = CommandTree.positionals(spec);
        if (!positionals.isEmpty()) {
            sb.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : positionals) {
                sb.append(".TP\n\\fI").append(esc(p.paramLabel())).append("\\fR\n")
                  .append(text(String.join(" ", p.description()))).append('\n');
            }
        }

        List<OptionSpec> own = CommandTree.options(spec).stream().filter(o -> path.isEmpty() || !o.inherited()).toList();
        if (!own.isEmpty()) {
            sb.append(".SH OPTIONS\n");
            for (OptionSpec o : own) {
                option(sb, o);
            }
        }
        if (!path.isEmpty()) {
            sb.append(".SH GLOBAL OPTIONS\n")
              .append("The global options of \\fBbkops\\fR(1) are accepted before or after the command: ")
              .append("\\fB\\-p\\fR \\fIPROFILE\\fR, \\fB\\-o\\fR \\fIFORMAT\\fR, \\fB\\-b\\fR \\fIBIZ\\fR, ")
              .append("\\fB\\-\\-sops\\-url\\fR, \\fB\\-\\-job\\-url\\fR, \\fB\\-\\-gateway\\fR, \\fB\\-\\-timeout\\fR, ")
              .append("\\fB\\-y\\fR, \\fB\\-\\-dry\\-run\\fR, \\fB\\-v\\fR, \\fB\\-\\-debug\\fR and the others listed there.\n");
        }

        List<OutputFormat> formats = Cli.formats(spec);
        if (!formats.isEmpty()) {
            sb.append(".SH OUTPUT FORMATS\n").append("\\fB\\-o\\fR ").append(esc(Cli.formatList(formats)))
              .append('\n');
        }

        List<String> examples = examples(path, spec);
        if (!examples.isEmpty()) {
            sb.append(".SH EXAMPLES\n");
            for (String e : examples) {
                sb.append(".PP\n.nf\n").append(esc(e.strip())).append("\n.fi\n");
            }
        }

        sb.append(".SH EXIT STATUS\n");
        for (ExitCode c : ExitCode.values()) {
            sb.append(".TP\n.B ").append(c.code()).append('\n').append(esc(c.meaning())).append('\n');
        }
        if (path.isEmpty()) {
            sb.append(".SH ENVIRONMENT\n");
            for (String[] e : ENVIRONMENT) {
                sb.append(".TP\n.B ").append(esc(e[0])).append('\n').append(esc(e[1])).append('\n');
            }
            sb.append(".SH FILES\n");
            for (String[] f : FILES) {
                sb.append(".TP\n.I ").append(esc(f[0])).append('\n').append(esc(f[1])).append('\n');
            }
        }
        sb.append(".SH SEE ALSO\n");
        if (path.isEmpty()) {
            sb.append(String.join(",\n", subs.stream().map(n -> "\\fBbkops\\-" + esc(n) + "\\fR(1)").toList())).append('\n');
        } else {
            int cut = path.lastIndexOf(' ');
            String parent = cut < 0 ? "" : path.substring(0, cut);
            sb.append("\\fB").append(esc(fileName(parent).replace(".1", ""))).append("\\fR(1)");
            if (!parent.isEmpty()) {
                sb.append(", \\fBbkops\\fR(1)");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void option(StringBuilder sb, OptionSpec o) {
        sb.append(".TP\n");
        String[] names = o.names();
        for (int i = 0; i < names.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append("\\fB").append(esc(names[i])).append("\\fR");
        }
        if (CommandTree.takesValue(o)) {
            sb.append(" \\fI").append(esc(o.paramLabel())).append("\\fR");
        }
        sb.append('\n').append(text(CommandTree.describe(o)));
        List<String> cands = CommandTree.candidates(o);
        if (!cands.isEmpty() && !CommandTree.describe(o).contains(cands.get(0))) {
            sb.append(" One of: ").append(esc(String.join(", ", cands))).append('.');
        }
        sb.append('\n');
    }

    /** Examples come from a command's footer when its heading says so. */
    private static List<String> examples(String path, CommandSpec spec) {
        if (path.isEmpty()) {
            return ROOT_EXAMPLES;
        }
        String heading = spec.usageMessage().footerHeading();
        if (heading == null || !heading.toLowerCase(Locale.ROOT).contains("example")) {
            return List.of();
        }
        return List.of(spec.usageMessage().footer()).stream().map(l -> l.replace("%n", "")).filter(l -> !l.isBlank()).toList();
    }

    private static String text(String s) {
        return esc(s.replace("%n", "\n").replaceAll("\\$\\{[A-Z-]+}", "").strip());
    }

    /** Escape for roff: backslashes, hyphens (so they stay ASCII in copy-paste), and leading dots/quotes. */
    static String esc(String s) {
        String e = s.replace("\\", "\\e").replace("-", "\\-");
        StringBuilder sb = new StringBuilder();
        for (String line : e.split("\n", -1)) {
            if (sb.length() > 0) sb.append('\n');
            if (line.startsWith(".") || line.startsWith("'")) {
                sb.append("\\&");
            }
            sb.append(line);
        }
        return sb.toString();
    }

    private static final String[][] ENVIRONMENT = {
            {"BKOPS_PROFILE", "Profile to use (as -p)."},
            {"BKOPS_SOPS_URL, BKOPS_JOB_URL", "Base URLs of Standard OPS and Job (gateway stage URL or ESB host)."},
            {"BKOPS_GATEWAY", "Front door: apigw (default) or esb."},
            {"BKOPS_BIZ, BKOPS_SCOPE", "Business id and what it means (cmdb_biz or project)."},
            {"BK_APP_CODE, BK_APP_SECRET", "The BlueKing app's code and secret."},
            {"BK_USERNAME, BK_TOKEN, BK_ACCESS_TOKEN", "The user: a name (whitelisted apps), a login ticket or an access token."},
            {"BKOPS_OUTPUT", "Default output format."},
            {"BKOPS_TIMEOUT, BKOPS_RETRIES", "Time limit of each API call (retries included) and the number of retries of reads."},
            {"BKOPS_CA_CERT", "PEM file of a private certificate authority."},
            {"BKOPS_PROTECT", "Guard rail of state-changing requests (" + String.join(", ", Key.PROTECT.choices())
                    + "): stricter than the profile's protect setting, never looser."},
            {"NO_COLOR, CLICOLOR_FORCE", "Turn colour off, or force it on when output is not a terminal."},
            {"BKOPS_DEBUG", "Full diagnostics on stderr, as --debug (secrets masked)."},
            {"XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_CACHE_HOME", "Where the config file, the sandbox state and the completion cache live."}};

    private static final String[][] FILES = {
            {"$XDG_CONFIG_HOME/bkops/config", "Profiles (default ~/.config/bkops/config), mode 0600."},
            {"$XDG_STATE_HOME/bkops/sandbox/", "State of the embedded sandbox (default ~/.local/state/bkops/sandbox)."},
            {"$XDG_CACHE_HOME/bkops/complete/", "Cache of ids for shell completion."}};

    private static final List<String> ROOT_EXAMPLES = List.of(
            "bkops -p sandbox template list",
            "bkops template show 3",
            "id=$(bkops task create --template 3 --name release -o id)\nbkops task start \"$id\" --wait",
            "bkops task status 12 -o wide",
            "bkops node retry 12 部署 --input version=1.2.4");
}
