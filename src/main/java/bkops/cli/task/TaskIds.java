package bkops.cli.task;

import bkops.cli.CliException;
import bkops.cli.Ids;
import bkops.i18n.Text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Task ids from the arguments; "-" reads more from stdin (whitespace or line separated, # comments allowed). */
final class TaskIds {
    private TaskIds() {}

    static List<String> resolve(List<String> args, InputStream stdin) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String a : args) {
            if (a.equals("-")) {
                ids.addAll(read(stdin));
            } else {
                ids.add(Ids.task(a));
            }
        }
        if (ids.isEmpty()) {
            throw CliException.usage(Text.of("errors.cli.task.no-ids"));
        }
        return List.copyOf(ids);
    }

    private static List<String> read(InputStream in) {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int hash = line.indexOf('#');
                String text = hash >= 0 ? line.substring(0, hash) : line;
                for (String word : text.trim().split("[\\s,]+")) {
                    if (!word.isEmpty()) {
                        out.add(Ids.task(word));
                    }
                }
            }
        } catch (IOException e) {
            // e.g. stdin redirected from a directory: a usage error, as for every other stdin reader
            throw CliException.usage(Text.of("errors.cli.task.ids-stdin", e.getMessage()));
        }
        return out;
    }
}
