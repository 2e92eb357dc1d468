package bkops.cli.periodic;

import bkops.api.Json;
import bkops.render.PeriodicView;
import bkops.render.Style;
import bkops.testing.Golden;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** The documentation's own payloads: no time zone after the cron, last_run_at as "", no template_source. */
class PeriodicViewTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "sops");

    private static JsonNode data(String api) throws IOException {
        return Json.read(Files.readString(FIXTURES.resolve("doc-example-response-" + api + ".json"))).get("data");
    }

    @Test
    void listsTheDocumentedTasksInStandardOrder() throws IOException {
        StringWriter s = new StringWriter();
        new PeriodicView(Style.PLAIN, true).list(data("get_periodic_task_list"), new PrintWriter(s));
        golden("list-fixture.txt", s.toString());
    }

    @Test
    void showsTheDocumentedTaskWithCeleryDayMatching() throws IOException {
        StringWriter s = new StringWriter();
        From from = new From.Converter().convert("2026-11-25T10:00");
        new PeriodicView(Style.PLAIN, false).show(data("get_periodic_task_info"), zone -> From.in(from, zone), 3, new PrintWriter(s));
        // the zone is this machine's when the server names none: compare the rest
        String shown = s.toString().replaceAll("[+-]\\d\\d:\\d\\d", "±zz:zz").replaceAll("  \\(\\S+\\)\n", "  (ZONE)\n");
        golden("show-fixture.txt", shown);
    }

    static void golden(String name, String actual) throws IOException {
        Golden.assertMatches("periodic/" + name, actual);
    }
}
