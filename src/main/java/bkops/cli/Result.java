package bkops.cli;

import bkops.ExitCode;
import bkops.render.Style;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a command gives back, for {@link Output} to print in the format chosen: the API's data untouched for json,
 * jsonl and yaml; the ids for -o id; a human view, drawn by a renderer, for table, wide and tree (and dot or mermaid
 * for graphs); lines for the operator on stderr under the view; and the exit code. A command's formats are declared
 * once, in its {@link GlobalUse}; a result may give fewer ({@link #only}) when what it holds cannot be shown some way.
 */
public final class Result {
    /** Draws the human view on stdout, in {@code format} (table, wide, tree, dot, mermaid). */
    @FunctionalInterface
    public interface View {
        void render(PrintWriter out, OutputFormat format, Style style);
    }

    private JsonNode data;
    private List<String> ids = List.of();
    private View view;
    private List<OutputFormat> only;
    private final List<String> notes = new ArrayList<>();
    private final List<String> said = new ArrayList<>();
    private ExitCode exit = ExitCode.OK;
    private boolean empty;

    private Result() {}

    /** A result whose machine formats print {@code data} as it is (null: none). */
    public static Result of(JsonNode data) {
        Result r = new Result();
        r.data = data;
        return r;
    }

    /** Nothing to print, in any format (what happened was said on stderr). */
    public static Result none() {
        Result r = of(null);
        r.empty = true;
        return r;
    }

    /** A result with a human view only. */
    public static Result view(View view) {
        return of(null).show(view);
    }

    /** The human view. */
    public Result show(View view) {
        this.view = view;
        return this;
    }

    /** What -o id prints, one a line. */
    public Result ids(List<String> ids) {
        this.ids = List.copyOf(ids);
        return this;
    }

    /** The formats this result can give, its default first, when fewer than the command declares. */
    public Result only(OutputFormat... formats) {
        this.only = List.of(formats);
        return this;
    }

    /** A line for the operator on stderr, under a human view (never with a machine format). */
    public Result note(String line) {
        notes.add(line);
        return this;
    }

    /** Lines for the operator on stderr after the data, whatever the format (a summary, an interrupt report). */
    public Result say(List<String> lines) {
        said.addAll(lines);
        return this;
    }

    public Result say(String line) {
        return say(List.of(line));
    }

    public Result exit(ExitCode code) {
        this.exit = code;
        return this;
    }

    boolean empty() {
        return empty;
    }

    JsonNode data() {
        return data;
    }

    List<String> ids() {
        return ids;
    }

    View view() {
        return view;
    }

    /** Null when the result gives whatever its command declares. */
    List<OutputFormat> only() {
        return only;
    }

    List<String> notes() {
        return notes;
    }

    List<String> said() {
        return said;
    }

    public ExitCode exit() {
        return exit;
    }
}
