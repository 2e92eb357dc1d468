package bkops.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The verbatim API payloads under /work/shared/fixtures, read as JsonNode. */
public final class Fixtures {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SOPS = Path.of(System.getProperty("bkops.fixtures", "/work/shared/fixtures"), "sops");
    public static final String EXPORT = "template-export-subprocess-exclusive-parallel-converge-gateways.json";
    public static final String PARENT_TEMPLATE = "5ad26a77856c360585209702f5d3e614";
    public static final String CHILD_TEMPLATE = "bf19682c3af235cf99956857e70be84e";

    private Fixtures() {
    }

    public static JsonNode sops(String file) {
        try {
            return MAPPER.readTree(SOPS.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The envelope's data of a doc example. */
    public static JsonNode docData(String api) {
        return sops("doc-example-response-" + api + ".json").get("data");
    }

    /** A template's pipeline tree out of the template export. */
    public static JsonNode exportedTree(String templateId) {
        return sops(EXPORT).path("pipeline_template_data").path("template").path(templateId).path("tree");
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
