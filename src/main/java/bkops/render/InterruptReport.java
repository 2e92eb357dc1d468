package bkops.render;

import bkops.i18n.Messages;

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
                                     String checkWith, Messages m) {
        return List.of(m.get("render.interrupt.during", what),
                "  " + m.get(answered.isEmpty() ? "render.interrupt.answered" : "render.interrupt.answered.above",
                        list(answered, m)),
                "  " + m.get("render.interrupt.in-doubt", list(inDoubt, m))
                        + (inDoubt.isEmpty() || checkWith == null ? "" : m.get("render.interrupt.check-with", checkWith)),
                "  " + m.get("render.interrupt.not-sent", list(notSent, m)));
    }

    private static String list(List<String> ids, Messages m) {
        return ids.isEmpty() ? m.get("render.interrupt.none") : String.join(", ", ids);
    }
}
