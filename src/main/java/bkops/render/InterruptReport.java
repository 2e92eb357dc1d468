package bkops.render;

import java.util.List;

/**
 * What an interrupted bulk action did, on stderr, so that Ctrl-C never leaves an operator guessing: the items that
 * were answered (their results printed above), those sent without an answer (in doubt: the server may have applied
 * them; never re-sent), and those never sent. The command then exits 130.
 */
public final class InterruptReport {
    private InterruptReport() {}

    /**
     * @param what      the action and its items, e.g. "start of 12 tasks"
     * @param checkWith the command that shows the state of the items in doubt; null when there is none
     */
    public static List<String> lines(String what, List<String> answered, List<String> inDoubt, List<String> notSent,
                                     String checkWith) {
        return List.of("bkops: interrupted during " + what + ":",
                "  answered" + (answered.isEmpty() ? "" : " (results above)") + ": " + list(answered),
                "  sent, no answer (may or may not have been applied; not re-sent): " + list(inDoubt)
                        + (inDoubt.isEmpty() || checkWith == null ? "" : "; check with: " + checkWith),
                "  not sent: " + list(notSent));
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }
}
