package bkops.render;

import bkops.config.Setting;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** config view's table: every setting, its value (secrets masked), its source and exact origin. */
public final class SettingsView {
    private SettingsView() {}

    public static void table(List<Setting> settings, Style style, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {style.text("render.column.key"), style.text("render.column.value"),
                style.text("render.column.source"), style.text("render.column.origin")});
        for (Setting s : settings) {
            rows.add(new String[] {s.key(), s.isSet() ? s.displayValue() : "-", s.source().label(), s.origin()});
        }
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], DisplayWidth.width(row[i]));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(row[i]).append(" ".repeat(widths[i] - DisplayWidth.width(row[i]) + 2));
            }
            out.println(line.append(row[3]));
        }
    }

    /** config profiles: the profiles, the one in effect marked '*', the built-in one said so. */
    public static void profiles(List<String> names, String current, String builtIn, Style style, PrintWriter out) {
        for (String name : names) {
            out.println((name.equals(current) ? "* " : "  ") + name
                    + (name.equals(builtIn) ? "  " + style.text("render.settings.built-in") : ""));
        }
    }
}
