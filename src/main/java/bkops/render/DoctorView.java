package bkops.render;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;

/** doctor's report for people, drawn from the document -o json prints: {"exit", "checks": [{check, status, detail, fix}]}. */
public final class DoctorView {
    private DoctorView() {}

    public static void render(JsonNode report, Style style, PrintWriter out) {
        Table t = new Table().headers(false).column("").column("").column("");
        for (JsonNode c : report.path("checks")) {
            String mark = switch (c.path("status").asText()) {
                case "ok" -> style.green("✓");
                case "warn" -> style.yellow("!");
                default -> style.red("✗");
            };
            t.row(mark, text(c, "check"), text(c, "detail"));
            if (c.hasNonNull("fix")) {
                t.row("", "", style.text("render.doctor.fix", c.path("fix").asText()));
            }
        }
        t.print(out);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : "";
    }

    /** The configuration itself could not be read: its one line. */
    public static void broken(String problem, Style style, PrintWriter out) {
        // "config" is the check's name, as -o json gives it
        out.println("✗ config   " + problem);
    }
}
