package bkops.cli;

import bkops.ExitCode;
import bkops.api.ApiException;
import bkops.api.Json;
import bkops.config.ConfigException;
import bkops.config.Settings;
import bkops.config.Source;
import bkops.ops.doctor.Doctor;
import bkops.render.JsonOutput;
import bkops.render.Table;
import bkops.render.YamlWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "doctor",
        header = "Check the configuration, reach both services and verify the credentials.",
        description = {"For the active profile: shows where the configuration comes from, calls Standard OPS and Job "
                + "once each, reports the request ids, and says in words what is wrong and how to fix it.",
                "Exits 0 when everything works; otherwise with the code of the first failure (2 configuration, "
                        + "4 credentials or permission, 5 unknown business, 6 unreachable).",
                "-o json (or yaml) prints {\"exit\": N, \"checks\": [{\"check\", \"status\", \"detail\", \"fix\"}]}."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops doctor", "bkops -p prod doctor"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = true)
public final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    BkopsCommand root;

    private static final Set<OutputFormat> FORMATS = EnumSet.of(OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML);

    @Override
    public Integer call() {
        Session session = root.session();
        // an explicit -o is checked before the configuration, which may be what is broken
        OutputFormat f = root.global.output == null ? OutputFormat.TABLE
                : OutputFormat.parse(root.global.output, FORMATS, Source.FLAG.label());
        Output out;
        Settings s;
        List<Doctor.Check> checks = new ArrayList<>();
        try {
            s = session.settings();
            out = session.output();
            f = out.format(OutputFormat.TABLE, FORMATS);
            session.client(); // builds the client: fails here on missing app-code, secret or URL
        } catch (ConfigException e) {
            if (f != OutputFormat.TABLE) {
                printData(root.context().out(), f, List.of(new Doctor.Check("config", Doctor.Status.FAIL, e.getMessage(),
                        null, ApiException.Kind.USAGE)), ExitCode.USAGE.code());
                return ExitCode.USAGE.code();
            }
            root.context().out().println("✗ config   " + e.getMessage());
            root.context().out().flush();
            return ExitCode.USAGE.code();
        }
        String where = s.embeddedSandbox() ? "the embedded sandbox" : s.sopsUrl().toString();
        checks.add(new Doctor.Check("config", Doctor.Status.OK, "profile " + s.profile() + " (" + s.profileSetting().origin()
                + "), " + s.gateway().id() + " front door, " + where + ", business " + s.biz(), null, null));
        s.warnings().forEach(w -> checks.add(new Doctor.Check("config", Doctor.Status.WARN, w, null, null)));
        checks.addAll(Doctor.run(session.client(), s.embeddedSandbox() || s.jobUrlIfSet().isPresent()));

        int code = ExitCode.OK.code();
        for (Doctor.Check c : checks) {
            if (c.status() == Doctor.Status.FAIL && code == ExitCode.OK.code()) {
                code = ErrorReporter.exitCode(new ApiException(c.kind(), null, "", null));
            }
        }
        if (f != OutputFormat.TABLE) {
            printData(out.out(), f, checks, code);
            return code;
        }
        Table t = new Table().headers(false).column("S").column("CHECK").column("RESULT");
        for (Doctor.Check c : checks) {
            String mark = switch (c.status()) {
                case OK -> out.style().green("✓");
                case WARN -> out.style().yellow("!");
                case FAIL -> out.style().red("✗");
            };
            t.row(mark, c.name(), c.detail());
            if (c.fix() != null) {
                t.row("", "", "fix: " + c.fix());
            }
        }
        t.print(out.out());
        out.out().flush();
        return code;
    }

    /** -o json / yaml: {"exit": N, "checks": [{"check", "status", "detail", "fix"}]}. */
    private static void printData(PrintWriter w, OutputFormat f, List<Doctor.Check> checks, int code) {
        ObjectNode doc = Json.object();
        doc.put("exit", code);
        ArrayNode list = doc.putArray("checks");
        for (Doctor.Check c : checks) {
            ObjectNode o = list.addObject();
            o.put("check", c.name());
            o.put("status", c.status().name().toLowerCase(Locale.ROOT));
            o.put("detail", c.detail());
            o.put("fix", c.fix());
        }
        w.print(f == OutputFormat.JSON ? JsonOutput.pretty(doc) + "\n" : YamlWriter.write(doc));
        w.flush();
    }
}
