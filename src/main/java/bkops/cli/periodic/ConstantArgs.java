package bkops.cli.periodic;

import bkops.api.Json;
import bkops.cli.CliException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** --const K=V and --const-file FILE (a JSON object) as the API's constants: keys wrapped as ${K}, flags win. */
final class ConstantArgs {
    private ConstantArgs() {}

    static Map<String, Object> parse(List<String> pairs, Path file) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (file != null) {
            JsonNode json;
            try {
                json = Json.read(Files.readString(file, StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw CliException.usage("--const-file " + file + " is not JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw CliException.usage("cannot read --const-file " + file + ": " + e.getMessage());
            }
            if (!json.isObject()) {
                throw CliException.usage("--const-file " + file + " must hold a JSON object like {\"version\": \"1.2\"}");
            }
            json.fields().forEachRemaining(e -> out.put(key(e.getKey()),
                    e.getValue().isTextual() ? e.getValue().asText() : Json.mapper().convertValue(e.getValue(), Object.class)));
        }
        for (String p : pairs == null ? List.<String>of() : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw CliException.usage("--const/--set wants KEY=VALUE, got '" + p + "'");
            }
            out.put(key(p.substring(0, eq)), p.substring(eq + 1));
        }
        return out;
    }

    /** "version" and "${version}" both mean the constant ${version}. */
    static String key(String k) {
        String t = k.trim();
        return t.startsWith("${") && t.endsWith("}") ? t : "${" + t + "}";
    }
}
