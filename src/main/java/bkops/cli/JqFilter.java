package bkops.cli;

import bkops.i18n.Text;
import bkops.render.JsonOutput;
import com.fasterxml.jackson.databind.JsonNode;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

import java.io.PrintWriter;

/**
 * --jq EXPR: a jq expression applied to what -o json prints (jackson-jq, jq 1.6's language and builtins). Each result
 * on its line as gh prints them and as jq -r would: a string raw, anything else compact JSON. Only built when --jq is
 * given, so a run without it loads none of jackson-jq.
 */
final class JqFilter {
    private final String expression;
    private final JsonQuery query;

    private JqFilter(String expression, JsonQuery query) {
        this.expression = expression;
        this.query = query;
    }

    /** Compiled before the command runs: a bad expression is a usage error (exit 2) with the parser's message. */
    static JqFilter compile(String expression) {
        try {
            return new JqFilter(expression, JsonQuery.compile(expression, Versions.JQ_1_6));
        } catch (JsonQueryException e) {
            // the parser's own words, first line (where it stopped), not jackson-jq's "Cannot compile query"
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : String.valueOf(e.getMessage());
            throw CliException.usage(Text.of("errors.cli.jq.compile", expression, why.lines().findFirst().orElse(why).strip()));
        }
    }

    /**
     * Prints the results of the expression on {@code input}; an error raised by it is a usage error too (exit 2), said
     * with what a script must know: the command ran (a create is not to be repeated), only the filter failed.
     */
    void print(JsonNode input, PrintWriter out) {
        Scope scope = Scope.newEmptyScope();
        BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, scope);
        try {
            query.apply(scope, input, v -> out.println(v.isTextual() ? v.asText() : JsonOutput.compact(v)));
        } catch (JsonQueryException e) {
            out.flush();
            throw CliException.usage(Text.of("errors.cli.jq.apply", expression, e.getMessage()));
        }
        out.flush();
    }
}
