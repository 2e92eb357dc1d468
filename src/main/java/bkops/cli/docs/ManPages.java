package bkops.cli.docs;

import bkops.ExitCode;
import bkops.Version;
import bkops.cli.Cli;
import bkops.cli.HelpScreens;
import bkops.cli.OutputFormat;
import bkops.config.Key;
import bkops.i18n.Messages;
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
 * directly (no AsciiDoc toolchain) so the build stays fast and the output is byte-for-byte reproducible. In English
 * (man/man1) and in Chinese (man/zh_CN/man1): a Chinese page's texts are the Chinese help (a tree localized with
 * Cli.localizeHelp) and the catalogue's help.man.* keys; the examples are commands and stay the annotations'.
 */
public final class ManPages {
    private ManPages() {}

    /** File name (e.g. bkops-task-status.1) to page text, in tree order. */
    public static Map<String, String> generate(CommandLine root) {
        return generate(root, Messages.ENGLISH);
    }

    /** The pages in a language; for Chinese, {@code root}'s help is localized first (Cli.localizeHelp). */
    public static Map<String, String> generate(CommandLine root, Messages m) {
        Cli.localizeHelp(root, m);
        Map<String, String> pages = new LinkedHashMap<>();
        CommandTree.commands(root).forEach((path, spec) -> pages.put(fileName(path), page(path, spec, m)));
        return pages;
    }

    static String fileName(String path) {
        return (path.isEmpty() ? "bkops" : "bkops-" + path.replace(' ', '-')) + ".1";
    }

    private static String page(String path, CommandSpec spec, Messages m) {
        String full = path.isEmpty() ? "bkops" : "bkops " + path;
        String version = Version.number();
        StringBuilder sb = new StringBuilder();
        if (!m.english()) {
            sb.append(".\\\" -*- coding: UTF-8 -*-\n"); // man-db reads it to pick the page's encoding
        }
        sb.append(".\\\" Generated from the command classes by 'bkops' (bin/gen-docs); do not edit.\n");
        sb.append(".TH \"").append(full.replace(' ', '-').toUpperCase(Locale.ROOT)).append("\" \"1\" \"\" \"bkops ")
          .append(version).append("\" \"").append(esc(m.get("help.man.manual"))).append("\"\n");
        if (!m.english()) {
            sb.append(".ad l\n"); // ragged right: justifying lines of Chinese mixed with long ASCII words leaves wide gaps
        }
        sb.append(heading(m.get("help.man.section.name"))).append(esc(full.replace(' ', '-'))).append(" \\- ").append(esc(CommandTree.summary(spec))).append('\n');

        sb.append(heading(m.get("help.man.section.synopsis"))).append(".B ").append(esc(full)).append('\n');
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
            sb.append(heading(m.get("help.man.section.description")));
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
            sb.append(heading(m.get("help.man.section.commands")));
            for (String n : subs) {
                CommandSpec sub = spec.subcommands().get(n).getCommandSpec();
                sb.append(".TP\n\\fB").append(esc(n)).append("\\fR\n").append(esc(CommandTree.summary(sub)))
                  .append('\n').append(roff(m, "help.man.see", "\\fB"
                          + esc(fileName((path.isEmpty() ? "" : path + " ") + n).replace(".1", "")) + "\\fR(1)"))
                  .append('\n');
            }
        }

        List<PositionalParamSpec> positionals = CommandTree.positionals(spec);
        if (!positionals.isEmpty()) {
            sb.append(heading(m.get("help.man.section.arguments")));
            for (PositionalParamSpec p : positionals) {
                sb.append(".TP\n\\fI").append(esc(p.paramLabel())).append("\\fR\n")
                  .append(text(String.join(" ", p.description()))).append('\n');
            }
        }

        // a note that is not examples (config set's "Secrets:"), under its own heading
        if (spec.userObject() != null && spec.usageMessage().footer().length > 0 && !HelpScreens.footerIsExamples(spec)) {
            String title = spec.usageMessage().footerHeading().replace("%n", "").replaceAll("[:：]\\s*$", "").strip();
            sb.append(heading(title.toUpperCase(Locale.ROOT)))
              .append(text(String.join(" ", spec.usageMessage().footer()))).append('\n');
        }

        // a verb's own options, as its help lists them (--timeout as it means there, on a command that waits)
        List<OptionSpec> own = path.isEmpty() ? CommandTree.options(spec) : HelpScreens.ownOptions(spec);
        if (!own.isEmpty()) {
            sb.append(heading(m.get("help.man.section.options")));
            for (OptionSpec o : own) {
                option(sb, o, m);
            }
        }
        if (!path.isEmpty()) {
            sb.append(heading(m.get("help.man.section.global-options")))
              .append(roff(m, "help.man.global-options", "\\fBbkops\\fR(1)",
                      "\\fB\\-p\\fR \\fIPROFILE\\fR, \\fB\\-o\\fR \\fIFORMAT\\fR, \\fB\\-b\\fR \\fIBIZ\\fR, "
                      + "\\fB\\-\\-sops\\-url\\fR, \\fB\\-\\-job\\-url\\fR, \\fB\\-\\-gateway\\fR, \\fB\\-\\-timeout\\fR, "
                      + "\\fB\\-y\\fR, \\fB\\-\\-dry\\-run\\fR, \\fB\\-v\\fR, \\fB\\-\\-debug\\fR",
                      "\\fBbkops options\\fR"))
              .append('\n');
        }

        List<OutputFormat> formats = Cli.formats(spec);
        if (!formats.isEmpty()) {
            sb.append(heading(m.get("help.man.section.output-formats"))).append("\\fB\\-o\\fR ")
              .append(esc(Cli.formatList(formats, m)))
              .append('\n');
        }

        List<String> examples = examples(path, spec);
        if (!examples.isEmpty()) {
            sb.append(heading(m.get("help.man.section.examples")));
            for (String e : examples) {
                sb.append(".PP\n.nf\n").append(esc(e.strip())).append("\n.fi\n");
            }
        }

        sb.append(heading(m.get("help.man.section.exit-status")));
        for (ExitCode c : ExitCode.values()) {
            sb.append(".TP\n.B ").append(c.code()).append('\n').append(esc(c.meaning(m))).append('\n');
        }
        if (path.isEmpty()) {
            sb.append(heading(m.get("help.man.section.environment")));
            for (String[] e : environment(m)) {
                sb.append(".TP\n.B ").append(esc(e[0])).append('\n').append(esc(e[1])).append('\n');
            }
            sb.append(heading(m.get("help.man.section.files")));
            for (String[] f : files(m)) {
                sb.append(".TP\n.I ").append(esc(f[0])).append('\n').append(esc(f[1])).append('\n');
            }
        }
        sb.append(heading(m.get("help.man.section.see-also")));
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

    /** ".SH NAME": a section heading (the rest of the line, spaces included). */
    private static String heading(String title) {
        return ".SH " + esc(title) + "\n";
    }

    /** A catalogue text with roff in its arguments: the text is escaped, the arguments (already roff) are not. */
    private static String roff(Messages m, String key, String... roffArgs) {
        Object[] marks = new Object[roffArgs.length];
        for (int i = 0; i < marks.length; i++) {
            marks[i] = "\u0001" + i + "\u0002";
        }
        String text = esc(m.get(key, marks));
        for (int i = 0; i < roffArgs.length; i++) {
            text = text.replace("\u0001" + i + "\u0002", roffArgs[i]);
        }
        return text;
    }

    private static void option(StringBuilder sb, OptionSpec o, Messages m) {
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
            sb.append(' ').append(roff(m, "help.man.one-of", esc(String.join(", ", cands))));
        }
        sb.append('\n');
    }

    /** Examples come from a command's footer when its heading says so. */
    private static List<String> examples(String path, CommandSpec spec) {
        if (path.isEmpty()) {
            return ROOT_EXAMPLES;
        }
        if (!HelpScreens.footerIsExamples(spec)) {
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

    private static String[][] environment(Messages m) {
        return new String[][] {
                {"BKOPS_PROFILE", m.get("help.man.env.profile")},
                {"BKOPS_SOPS_URL, BKOPS_JOB_URL", m.get("help.man.env.urls")},
                {"BKOPS_GATEWAY", m.get("help.man.env.gateway")},
                {"BKOPS_BIZ, BKOPS_SCOPE", m.get("help.man.env.biz")},
                {"BK_APP_CODE, BK_APP_SECRET", m.get("help.man.env.app")},
                {"BK_USERNAME, BK_TOKEN, BK_ACCESS_TOKEN", m.get("help.man.env.user")},
                {"BKOPS_OUTPUT", m.get("help.man.env.output")},
                {"BKOPS_TIMEOUT, BKOPS_RETRIES", m.get("help.man.env.timeout")},
                {"BKOPS_CA_CERT", m.get("help.man.env.ca-cert")},
                {"BKOPS_PROTECT", m.get("help.man.env.protect", String.join(", ", Key.PROTECT.choices()))},
                {"NO_COLOR, CLICOLOR_FORCE", m.get("help.man.env.color")},
                {"BKOPS_DEBUG", m.get("help.man.env.debug")},
                {"BKOPS_LANG, LC_ALL, LC_MESSAGES, LANG", m.get("help.man.env.lang")},
                {"XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_CACHE_HOME", m.get("help.man.env.xdg")}};
    }

    private static String[][] files(Messages m) {
        return new String[][] {
                {"$XDG_CONFIG_HOME/bkops/config", m.get("help.man.file.config")},
                {"$XDG_STATE_HOME/bkops/sandbox/", m.get("help.man.file.sandbox")},
                {"$XDG_CACHE_HOME/bkops/complete/", m.get("help.man.file.complete")}};
    }

    private static final List<String> ROOT_EXAMPLES = List.of(
            "bkops -p sandbox template list",
            "bkops template show 3",
            "id=$(bkops task create --template 3 --name release -o id)\nbkops task start \"$id\" --wait",
            "bkops task status 12 -o wide",
            "bkops node retry 12 部署 --input version=1.2.4");
}
