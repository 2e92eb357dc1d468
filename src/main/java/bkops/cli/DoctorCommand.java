package bkops.cli;

import bkops.config.ConfigException;
import bkops.config.Settings;
import bkops.ops.doctor.Doctor;
import bkops.render.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "doctor",
        header = "Check the configuration, reach both services and verify the credentials.",
        description = {"For the active profile: shows where the configuration comes from, calls Standard OPS and Job "
                + "once each, reports the request ids, and says in words what is wrong and how to fix it.",
                "Exits 0 when everything works; otherwise with the code of the first failure (2 configuration, "
                        + "4 credentials or permission, 5 unknown business, 6 unreachable)."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops doctor", "bkops -p prod doctor"})
public final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    BkopsCommand root;

    @Override
    public Integer call() {
        Session session = root.session();
        Output out;
        Settings s;
        List<Doctor.Check> checks = new ArrayList<>();
        try {
            s = session.settings();
            out = session.output();
            session.client(); // builds the client: fails here on missing app-code, secret or URL
        } catch (ConfigException e) {
            root.context().out().println("✗ config   " + e.getMessage());
            root.context().out().flush();
            return ExitCode.USAGE;
        }
        String where = s.embeddedSandbox() ? "the embedded sandbox" : s.sopsUrl().toString();
        checks.add(new Doctor.Check("config", Doctor.Status.OK, "profile " + s.profile() + " (" + s.profileSetting().origin()
                + "), " + s.gateway().id() + " front door, " + where + ", business " + s.biz(), null, null));
        s.warnings().forEach(w -> checks.add(new Doctor.Check("config", Doctor.Status.WARN, w, null, null)));
        checks.addAll(Doctor.run(session.client(), s.embeddedSandbox() || s.jobUrlIfSet().isPresent()));

        Table t = new Table().headers(false).column("S").column("CHECK").column("RESULT");
        int code = ExitCode.OK;
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
            if (c.status() == Doctor.Status.FAIL && code == ExitCode.OK) {
                code = ErrorReporter.exitCode(new bkops.api.ApiException(c.kind(), null, "", null));
            }
        }
        t.print(out.out());
        out.out().flush();
        return code;
    }
}
