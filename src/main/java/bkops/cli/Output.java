package bkops.cli;

import bkops.config.ColorMode;
import bkops.config.Key;
import bkops.config.Setting;
import bkops.config.Settings;
import bkops.render.JsonOutput;
import bkops.render.Style;
import bkops.render.YamlWriter;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a command's result goes: the chosen format, colour on or off, and the writers for the machine formats.
 * Data on stdout; everything else through {@link #info}/{@link #warn} on stderr.
 */
public final class Output {
    private final CliContext ctx;
    private final Settings settings;

    Output(CliContext ctx, Settings settings) {
        this.ctx = ctx;
        this.settings = settings;
    }

    public PrintWriter out() {
        return ctx.out();
    }

    public PrintWriter err() {
        return ctx.err();
    }

    /** The format asked for (flag > env > profile), or the command's default; refused when the command lacks it. */
    public OutputFormat format(OutputFormat dflt, Set<OutputFormat> allowed) {
        Setting s = settings.setting(Key.OUTPUT);
        if (s == null || !s.isSet()) {
            return dflt;
        }
        return OutputFormat.parse(s.value(), allowed, s.source().label());
    }

    public OutputFormat format(OutputFormat dflt, OutputFormat first, OutputFormat... rest) {
        return format(dflt, EnumSet.of(first, rest));
    }

    public boolean color() {
        ColorMode m = settings.color();
        return m == ColorMode.ALWAYS || (m == ColorMode.AUTO && ctx.stdoutIsTerminal());
    }

    public Style style() {
        return Style.of(color());
    }

    public boolean terminal() {
        return ctx.stdoutIsTerminal();
    }

    /** Prints a JSON node in a machine format: json (pretty), jsonl (one compact object per line) or yaml. */
    public void print(JsonNode node, OutputFormat f) {
        PrintWriter out = ctx.out();
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
        ctx.err().println("bkops: warning: " + line);
        ctx.err().flush();
    }
}
