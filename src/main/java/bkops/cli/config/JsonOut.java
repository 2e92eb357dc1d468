package bkops.cli.config;

import bkops.api.Json;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.PrintWriter;

/** Pretty JSON on stdout; its own class so Jackson is loaded only by a run that prints JSON (start-up time). */
final class JsonOut {
    private JsonOut() {}

    static void print(PrintWriter out, Object value) {
        try {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
