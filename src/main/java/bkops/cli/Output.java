package bkops.cli;

import bkops.config.ColorMode;
import bkops.config.Key;
import bkops.config.Setting;
import bkops.config.Settings;
import bkops.config.Source;
import bkops.i18n.Messages;
import bkops.render.JsonOutput;
import bkops.render.Style;
import bkops.render.YamlWriter;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;

/**
 * Where a command's result goes, and the one place that prints it ({@link #print}): the format chosen, colour on or
 * off, the writers of the machine formats. The format follows one rule for every command: an explicit -o the result
 * cannot give is a usage error worded as {@link OutputFormat#parse} words it; a format from the environment or the
 * profile it cannot give falls back to the result's default (BKOPS_OUTPUT=json does not break {@code template graph}).
 * Data goes to stdout; everything else through {@link #info}/{@link #warn} on stderr.
 */
public final class Output {
    private final CliContext ctx;
    private final Settings settings;
    private final List<OutputFormat> declared;
    private final String flag;
    private final JqFilter jq;
    private final Messages messages;

    /**
     * @param declared the command's formats ({@link GlobalUse#formats}), its default first
     * @param jq --jq, null without it
     * @param messages the run's language
     */
    Output(CliContext ctx, Settings settings, List<OutputFormat> declared, JqFilter jq, Messages messages) {
        this(ctx, settings, declared, null, jq, messages);
    }

    private Output(CliContext ctx, Settings settings, List<OutputFormat> declared, String flag, JqFilter jq,
                   Messages messages) {
        this.ctx = ctx;
        this.settings = settings;
        this.declared = declared;
        this.flag = flag;
        this.jq = jq;
        this.messages = messages;
    }

    /**
     * For a run whose settings could not be resolved (what doctor reports): the -o flag alone chooses, no colour.
     * @param flag the -o flag's value, null when not given
     */
    static Output withoutSettings(CliContext ctx, List<OutputFormat> declared, String flag, JqFilter jq,
                                  Messages messages) {
        return new Output(ctx, null, declared, flag, jq, messages);
    }

    /** stdout, for what is drawn while a command runs (a watch redrawn in place); results go through {@link #print}. */
    public PrintWriter out() {
        return ctx.out();
    }

    public PrintWriter err() {
        return ctx.err();
    }

    /** The format of this run among the command's formats. */
    public OutputFormat format() {
        return format(declared);
    }

    /** The format of this run among {@code gives} (its default first), by the rule above. */
    public OutputFormat format(List<OutputFormat> gives) {
        if (gives.isEmpty()) {
            return OutputFormat.TABLE;
        }
        if (jq != null) { // --jq implies -o json (Cli checked that the command has it, or only JSON lines)
            return gives.contains(OutputFormat.JSON) ? OutputFormat.JSON
                    : gives.contains(OutputFormat.JSONL) ? OutputFormat.JSONL : gives.get(0);
        }
        Setting s = settings != null ? settings.setting(Key.OUTPUT)
                : flag == null ? null : new Setting(Key.OUTPUT.id(), flag, Source.FLAG, Source.FLAG.label());
        if (s == null || !s.isSet()) {
            return gives.get(0);
        }
        if (s.source() == Source.FLAG) {
            return OutputFormat.parse(s.value(), EnumSet.copyOf(gives), s.source().label());
        }
        OutputFormat f = OutputFormat.parse(s.value(), EnumSet.allOf(OutputFormat.class), s.source().label());
        return gives.contains(f) ? f : gives.get(0);
    }

    /** Prints a result in the format of this run and says its exit code. */
    public int print(Result r) {
        OutputFormat f = r.only() == null ? format() : format(r.only());
        PrintWriter out = ctx.out();
        if (r.empty()) {
            r.said().forEach(this::info);
            return r.exit().code();
        }
        switch (f) {
            case JSON, JSONL, YAML -> print(r.data(), f);
            case ID -> r.ids().forEach(out::println);
            default -> {
                if (r.view() != null) {
                    r.view().render(out, f, style());
                }
                out.flush();
                r.notes().forEach(this::info);
            }
        }
        out.flush();
        r.said().forEach(this::info);
        return r.exit().code();
    }

    public boolean color() {
        if (settings == null) {
            return false;
        }
        ColorMode m = settings.color();
        return m == ColorMode.ALWAYS || (m == ColorMode.AUTO && ctx.stdoutIsTerminal());
    }

    /**
     * Colour, language and width of the human views: stdout's terminal's columns (COLUMNS first), asked only when a
     * table is fitted; output that is not a terminal has no width and is never cut for it.
     */
    public Style style() {
        Style s = Style.of(color(), messages);
        return ctx.stdoutIsTerminal() ? s.width(() -> ctx.terminalSize().get().columns()) : s;
    }

    /** The run's language. */
    public Messages messages() {
        return messages;
    }

    public boolean terminal() {
        return ctx.stdoutIsTerminal();
    }

    /** A JSON node in a machine format: json (pretty), jsonl (one compact object per line) or yaml. */
    private void print(JsonNode node, OutputFormat f) {
        if (node == null) {
            throw new IllegalStateException("a result without data cannot be printed as " + f.id());
        }
        PrintWriter out = ctx.out();
        if (jq != null && f == OutputFormat.JSON) {
            jq.print(node, out);
            return;
        }
        if (jq != null && f == OutputFormat.JSONL) { // each line filtered, as jq filters a stream of values
            Iterable<JsonNode> lines = node.isArray() ? node : List.of(node);
            lines.forEach(e -> jq.print(e, out));
            return;
        }
        switch (f) {
            case JSON -> JsonOutput.pretty(node, out);
            case JSONL -> JsonOutput.jsonl(node, out);
            case YAML -> out.print(YamlWriter.write(node));
            default -> throw new IllegalArgumentException("not a machine format: " + f);
        }
        out.flush();
    }

    /** A line for the operator on stderr (progress, hints); silent in machine formats is the caller's choice. */
    public void info(String line) {
        ctx.err().println(line);
        ctx.err().flush();
    }

    public void warn(String line) {
        ctx.err().println(messages.get("reporter.warning", line));
        ctx.err().flush();
    }
}
