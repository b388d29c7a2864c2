package io.incidentledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One store's table: a row per figure with its target and whether it holds; notes under it. */
final class Report {

    private final String title;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(String title) {
        this.title = title;
    }

    void row(String figure, String result) {
        rows.add(new String[] {figure, result, "", ""});
    }

    void row(String figure, String result, String target, boolean holds) {
        rows.add(new String[] {figure, result, target, holds ? "holds" : "**does not hold**"});
    }

    void note(String note) {
        notes.add(note);
    }

    String markdown() {
        var out = new StringBuilder("### ").append(title).append("\n\n");
        out.append("| figure | median | target | |\n|---|---:|---|---|\n");
        for (var row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        out.append('\n');
        notes.forEach(note -> out.append("- ").append(note).append('\n'));
        return out.toString();
    }

    static String count(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    static String rate(double perSecond, String unit) {
        return count(perSecond) + " " + unit + "/s";
    }

    static String millis(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, value < 10 ? "%.2f ms" : "%.1f ms", value);
    }

    static String latency(HttpLoad.Result result) {
        return "p50 " + millis(result.p50()) + ", p99 " + millis(result.p99())
                + (result.failures() > 0 ? ", " + result.failures() + " failed" : "")
                + cpu(result.cpuPerRequest(), result.serverCpuPerRequest(), "ms", 1);
    }

    /** ", CPU app 0.41 + database 0.30 ms/request": where the machine's time went, per request or event. */
    static String cpu(double app, double database, String unit, double scale) {
        if (Double.isNaN(app)) {
            return "";
        }
        var format = unit.equals("ms") ? "%.2f" : "%,.0f";
        var text = ", CPU app " + String.format(Locale.ROOT, format, app * scale);
        if (!Double.isNaN(database)) {
            text += " + db " + String.format(Locale.ROOT, format, database * scale);
        }
        return text + " " + unit + (unit.equals("ms") ? "/request" : "/event");
    }

    static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }

    static String megabytes(double bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f MB", bytes / (1024 * 1024));
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value * 100);
    }
}
