package bkops.sandbox;

import java.util.List;
import java.util.Map;

/** A seeded flow template. {@code source} is "project" (business flow) or "common". */
record Template(long id, String name, String source, String category, String description, Map<String, Object> tree,
                List<Scheme> schemes) {
    /** An execution scheme: a named selection of the template's node ids. */
    record Scheme(long id, String name, List<String> nodeIds) {}

    boolean common() {
        return source.equals("common");
    }
}
