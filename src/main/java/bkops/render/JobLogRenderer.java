package bkops.render;

import bkops.model.job.FileLog;
import bkops.model.job.HostLog;
import bkops.model.job.HostResult;

import java.io.PrintWriter;
import java.util.List;

/**
 * Host logs as text. One host's script log prints exactly as the API gave it (for grep and diff); several hosts get a
 * "==> ip <==" header each, as tail does. File logs print one line per transfer, then its log line indented.
 */
public final class JobLogRenderer {
    private final Style style;

    public JobLogRenderer(Style style) {
        this.style = style;
    }

    /** {@code results} give each header its host id, status and exit code (may lack a host, e.g. a file source). */
    public void render(List<HostLog> logs, List<HostResult> results, boolean headers, PrintWriter out) {
        boolean first = true;
        for (HostLog log : logs) {
            if (headers) {
                if (!first) {
                    out.println();
                }
                HostResult r = results.stream().filter(log::isOf).findFirst().orElse(null);
                out.println(style.bold("==> " + log.ip() + describe(log, r, style) + " <=="));
            }
            first = false;
            if (log.fileLogs().isEmpty()) {
                // A script's own colours stay; any other control character it printed is shown, not obeyed.
                String content = TerminalText.styled(log.content());
                out.print(content);
                if (!content.isEmpty() && !content.endsWith("\n")) {
                    out.println();
                }
            } else {
                log.fileLogs().forEach(f -> file(f, out));
            }
        }
        out.flush();
    }

    private static String describe(HostLog log, HostResult r, Style style) {
        List<String> parts = new java.util.ArrayList<>();
        long id = r != null ? r.bkHostId() : log.bkHostId();
        if (id != 0) {
            parts.add(style.text("render.job.log.host", id));
        }
        if (r != null) {
            parts.add(r.statusWord());
            if (r.exitCode() != 0) {
                parts.add(style.text("render.job.log.exit", r.exitCode()));
            }
        }
        return parts.isEmpty() ? "" : "  " + String.join(style.text("render.list-separator"), parts);
    }

    private void file(FileLog f, PrintWriter out) {
        StringBuilder line = new StringBuilder(style.text(f.upload() ? "render.job.log.upload" : "render.job.log.download"))
                .append(f.srcIp()).append(':').append(f.srcPath());
        if (!f.upload()) {
            line.append(" -> ").append(f.destIp()).append(':').append(f.destPath());
        }
        String status = f.statusWord();
        line.append("   ").append(f.status() == 5 ? style.red(status) : status);
        if (!f.size().isEmpty()) {
            line.append("   ").append(f.size());
        }
        if (!f.progress().isEmpty()) {
            line.append("   ").append(f.progress());
        }
        out.println(TerminalText.cell(line.toString()));
        if (!f.content().isEmpty()) {
            TerminalText.styled(f.content()).lines().forEach(l -> out.println("    " + l));
        }
    }
}
