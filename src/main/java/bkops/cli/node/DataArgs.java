package bkops.cli.node;

import bkops.api.Json;
import bkops.cli.CliContext;
import bkops.cli.CliException;
import bkops.i18n.Text;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON objects given on the command line: literally, from a file, or from stdin. */
final class DataArgs {
    private DataArgs() {}

    /** A file path or '-' for stdin. */
    static ObjectNode object(CliContext ctx, String file, String option) {
        return parse(read(ctx, file, option), option);
    }

    /** A JSON text, '@FILE', or '-' (also '@-', as curl writes it) for stdin. */
    static ObjectNode literalOrFile(CliContext ctx, String arg, String option) {
        if (arg.equals("-") || arg.equals("@-")) {
            return object(ctx, "-", option);
        }
        if (arg.startsWith("@")) {
            return object(ctx, arg.substring(1), option);
        }
        return parse(arg, option);
    }

    private static String read(CliContext ctx, String file, String option) {
        try {
            return file.equals("-") ? new String(ctx.in().readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file));
        } catch (IOException e) {
            throw CliException.usage(file.equals("-") ? Text.of("errors.cli.data.stdin", option, e.getMessage())
                    : Text.of("errors.cli.data.unreadable", option, file, e.getMessage()));
        }
    }

    private static ObjectNode parse(String text, String option) {
        JsonNode n;
        try {
            n = Json.read(text);
        } catch (JsonProcessingException e) {
            throw CliException.usage(Text.of("errors.cli.data.not-json", option, e.getOriginalMessage()));
        }
        if (n == null || !n.isObject()) {
            throw CliException.usage(Text.of("errors.cli.data.not-object", option));
        }
        return (ObjectNode) n;
    }
}
