package bkops.cli;

import bkops.i18n.Text;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The -o values of the contract (config.Key.OUTPUT's choices, in this order); each command says which it gives. */
public enum OutputFormat {
    TABLE, WIDE, JSON, JSONL, YAML, TREE, ID, DOT, MERMAID;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutputFormat parse(String s, Set<OutputFormat> allowed, String origin) {
        OutputFormat f;
        try {
            f = valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            f = null;
        }
        if (f == null || !allowed.contains(f)) {
            String choices = allowed.stream().map(OutputFormat::id).collect(Collectors.joining(", "));
            throw CliException.usage(origin == null ? Text.of("errors.cli.output.not-available", s, choices)
                    : Text.of("errors.cli.output.not-available.from", s, origin, choices));
        }
        return f;
    }

}
