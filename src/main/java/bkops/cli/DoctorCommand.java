package bkops.cli;

import bkops.ExitCode;
import bkops.api.ApiException;
import bkops.api.Json;
import bkops.config.ConfigException;
import bkops.config.Settings;
import bkops.i18n.Messages;
import bkops.ops.doctor.Doctor;
import bkops.render.DoctorView;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML})
public final class DoctorCommand implements Callable<Result> {
    @ParentCommand
    BkopsCommand root;

    @Override
    public Result call() {
        Session session = root.session();
        Settings s;
        try {
            s = session.settings();
            session.client(); // builds the client: fails here on missing app-code, secret or URL
        } catch (ConfigException e) {
            // the configuration is what is broken: -o alone chooses the format (Cli checked it before the run)
            return report(List.of(new Doctor.Check("config", Doctor.Status.FAIL, e.getMessage(), null,
                    ApiException.Kind.USAGE)), ExitCode.USAGE)
                    .show((out, f, style) -> DoctorView.broken(e.text() != null ? e.text().in(style.messages())
                            : e.getMessage(), style, out));
        }
        List<Doctor.Check> checks = new ArrayList<>();
        String where = s.embeddedSandbox() ? "the embedded sandbox" : s.sopsUrl().toString();
        checks.add(new Doctor.Check("config", Doctor.Status.OK, "profile " + s.profile() + " (" + s.profileSetting().origin()
                + "), " + s.gateway().id() + " front door, " + where + ", business " + s.biz(), null, null));
        s.warnings().forEach(w -> checks.add(new Doctor.Check("config", Doctor.Status.WARN, w, null, null)));
        checks.addAll(Doctor.run(session.sops(), session.job(), s.embeddedSandbox() || s.jobUrlIfSet().isPresent()));

        ExitCode code = ExitCode.OK;
        for (Doctor.Check c : checks) {
            if (c.status() == Doctor.Status.FAIL && code == ExitCode.OK) {
                code = ExitCode.of(ErrorReporter.exitCode(new ApiException(c.kind(), null, "", null)));
            }
        }
        return report(checks, code);
    }

    /** -o json / yaml: {"exit": N, "checks": [{"check", "status", "detail", "fix"}]}; a table otherwise. */
    private static Result report(List<Doctor.Check> checks, ExitCode code) {
        return Result.of(document(checks, code, Messages.ENGLISH)).exit(code)
                .show((out, f, style) -> DoctorView.render(document(checks, code, style.messages()), style, out));
    }

    /** The report in a language: English for -o json|yaml, the run's for people. */
    private static ObjectNode document(List<Doctor.Check> checks, ExitCode code, Messages m) {
        ObjectNode doc = Json.object();
        doc.put("exit", code.code());
        ArrayNode list = doc.putArray("checks");
        for (Doctor.Check c : checks) {
            ObjectNode o = list.addObject();
            o.put("check", c.name());
            o.put("status", c.status().name().toLowerCase(Locale.ROOT));
            o.put("detail", c.detail(m));
            o.put("fix", c.fix(m));
        }
        return doc;
    }
}
