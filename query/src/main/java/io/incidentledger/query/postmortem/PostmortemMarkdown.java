package io.incidentledger.query.postmortem;

import static io.incidentledger.query.postmortem.MarkdownText.duration;
import static io.incidentledger.query.postmortem.MarkdownText.inline;
import static io.incidentledger.query.postmortem.MarkdownText.time;
import static io.incidentledger.query.postmortem.MarkdownText.when;
import static io.incidentledger.query.postmortem.PostmortemFold.words;

import java.util.List;

import io.incidentledger.query.postmortem.PostmortemView.TimelineEntry;

/**
 * Renders a postmortem as GitHub-flavoured Markdown in the order of the Google SRE template.
 * Only the view is rendered, so the Markdown is exactly as blameless as the view; all user
 * text goes through {@link MarkdownText#inline} and cannot inject markup.
 */
public final class PostmortemMarkdown {

    private static final String NONE = "_None recorded._";

    private final StringBuilder out = new StringBuilder();

    private PostmortemMarkdown() {
    }

    public static String render(PostmortemView view) {
        return new PostmortemMarkdown().document(view);
    }

    private String document(PostmortemView view) {
        out.append("# Postmortem: ").append(inline(view.title())).append("\n\n");
        out.append("| Incident | Status | Severity | Services |\n|---|---|---|---|\n");
        row(inline(view.incidentId()), words(view.status()), String.valueOf(view.severity()),
                inline(String.join(", ", view.services())));
        section("Summary");
        paragraph(view.summary());
        impact(view);
        rootCauses(view);
        resolution(view);
        section("Detection");
        var detection = view.detection();
        out.append("Detected at ").append(when(detection.detectedAt())).append(" by ")
                .append(words(detection.source())).append("; time to detect from the start of customer impact: ")
                .append(duration(detection.timeToDetectSeconds())).append(".\n");
        actionItems(view);
        lessons(view.lessons());
        section("Lead-up");
        timeline(view.leadUp());
        section("Timeline");
        timeline(view.timeline());
        metrics(view);
        section("Participants");
        out.append("People appear by role only.\n\n| Who | Roles |\n|---|---|\n");
        view.participants().forEach(p -> row(p.label(), p.roles().isEmpty() ? "none"
                : String.join(", ", p.roles().stream().map(PostmortemFold::words).toList())));
        return out.toString();
    }

    private void impact(PostmortemView view) {
        section("Impact");
        var impact = view.impact();
        if (impact == null) {
            out.append(NONE).append('\n');
            return;
        }
        paragraph(impact.description());
        out.append('\n');
        out.append("- Impact started: ").append(when(impact.impactStartedAt())).append("\n");
        out.append("- Affected users: ").append(MarkdownText.percent(impact.affectedUsersPercent())).append('\n');
        out.append("- Affected components: ").append(impact.components().isEmpty() ? "none recorded"
                : String.join(", ", impact.components().stream()
                        .map(c -> inline(c.name()) + " (" + words(c.status()) + ")").toList())).append('\n');
    }

    private void rootCauses(PostmortemView view) {
        section("Root causes");
        if (view.rootCauses().isEmpty()) {
            out.append(NONE).append('\n');
        }
        int number = 0;
        for (var cause : view.rootCauses()) {
            out.append(number++ == 0 ? "" : "\n").append("### Root cause ").append(number).append("\n\n");
            paragraph(cause.rootCause());
            if (!cause.whys().isEmpty()) {
                out.append("\nThe chain of whys:\n\n");
                int why = 0;
                for (var text : cause.whys()) {
                    out.append(++why).append(". ").append(inline(text)).append('\n');
                }
            }
        }
        section("Trigger");
        bullets(view.rootCauses().stream().map(PostmortemView.RootCause::trigger).filter(t -> t != null).toList());
        section("Why it was not caught");
        bullets(view.rootCauses().stream().map(PostmortemView.RootCause::whyNotCaught).filter(t -> t != null)
                .toList());
    }

    private void resolution(PostmortemView view) {
        section("Resolution");
        var resolution = view.resolution();
        if (resolution.containments().isEmpty() && resolution.fixes().isEmpty()) {
            out.append(NONE).append('\n');
        }
        resolution.containments().forEach(c -> out.append("- Contained at ").append(when(c.containedAt()))
                .append(" by ").append(words(c.mitigation())).append(": ").append(inline(c.description()))
                .append('\n'));
        resolution.fixes().forEach(f -> out.append("- Fixed at ").append(when(f.fixedAt())).append(": ")
                .append(inline(f.resolution()))
                .append(f.fixReference() == null ? "" : " (fix: " + inline(f.fixReference()) + ")").append('\n'));
    }

    private void actionItems(PostmortemView view) {
        section("Action items");
        if (view.actionItems().isEmpty()) {
            out.append(NONE).append('\n');
            return;
        }
        out.append("| ID | Action item | Kind | Owner team | Due | Status |\n|---|---|---|---|---|---|\n");
        view.actionItems().forEach(item -> row(inline(item.id()), inline(item.description()), words(item.kind()),
                inline(item.ownerTeam()), item.dueDate() == null ? "none" : item.dueDate().toString(),
                words(item.status())));
    }

    private void lessons(PostmortemView.Lessons lessons) {
        section("Lessons learned");
        out.append("### What went well\n\n");
        bullets(lessons.wentWell());
        out.append("\n### What went wrong\n\n");
        bullets(lessons.wentWrong());
        out.append("\n### Where we got lucky\n\n");
        bullets(lessons.gotLucky());
    }

    private void timeline(List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            out.append(NONE).append('\n');
            return;
        }
        out.append("| Time (UTC) | Who | Entry |\n|---|---|---|\n");
        entries.forEach(e -> row(time(e.occurredAt()), e.actor() == null ? "" : e.actor(), inline(e.text())
                + (e.corrected() ? " _(corrected: " + inline(String.join("; ", e.correctionReasons())) + ")_" : "")));
    }

    private void metrics(PostmortemView view) {
        section("Response metrics");
        var m = view.metrics();
        out.append("| Metric | Value |\n|---|---|\n");
        row("Time to detect (from impact start)", duration(m.timeToDetectSeconds()));
        row("Time to acknowledge (from detection)", duration(m.timeToAcknowledgeSeconds()));
        row("Time to contain (from detection)", duration(m.timeToContainSeconds()));
        row("Time to fix (from detection, final fix)", duration(m.timeToFixSeconds()));
        row("Impact duration (impact start to final fix)", duration(m.impactDurationSeconds()));
        row("Time to first public update (from detection)", duration(m.timeToFirstPublicUpdateSeconds()));
        row("Times reopened", String.valueOf(view.reopenCount()));
    }

    private void section(String title) {
        out.append("\n## ").append(title).append("\n\n");
    }

    private void paragraph(String text) {
        out.append(text == null ? NONE : inline(text)).append('\n');
    }

    private void bullets(List<String> texts) {
        if (texts.isEmpty()) {
            out.append(NONE).append('\n');
        }
        texts.forEach(text -> out.append("- ").append(inline(text)).append('\n'));
    }

    private void row(String... cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
