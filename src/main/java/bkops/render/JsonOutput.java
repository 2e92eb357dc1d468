package bkops.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import bkops.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * JSON as scripts expect it: pretty with two-space indent and {@code "key": value} (Chinese written as is; the
 * PrintWriter decides the encoding and should be UTF-8), or JSONL with one compact value per line.
 */
public final class JsonOutput {

    private JsonOutput() {
    }

    private static final class Writers {
        static final ObjectMapper MAPPER = Json.mapper();
        static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());
        static final ObjectWriter COMPACT = MAPPER.writer();

        private static DefaultPrettyPrinter prettyPrinter() {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""));
            printer.indentObjectsWith(indenter);
            printer.indentArraysWith(indenter);
            return printer;
        }
    }

    public static String pretty(JsonNode node) {
        try {
            return Writers.PRETTY.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String compact(JsonNode node) {
        try {
            return Writers.COMPACT.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pretty JSON followed by a newline, written as it is made: a large answer is not held twice as a string. */
    public static void pretty(JsonNode node, PrintWriter out) {
        try {
            Writers.PRETTY.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }

    /** One compact line per element of an array; any other value on one line. */
    public static void jsonl(JsonNode node, PrintWriter out) {
        if (node.isArray()) {
            node.forEach(e -> out.println(compact(e)));
        } else {
            out.println(compact(node));
        }
        out.flush();
    }
}
