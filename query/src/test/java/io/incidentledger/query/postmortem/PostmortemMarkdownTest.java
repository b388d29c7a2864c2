package io.incidentledger.query.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.incidentledger.incident.ActionItemAdded;
import io.incidentledger.incident.ActionItemKind;
import io.incidentledger.incident.AffectedComponent;
import io.incidentledger.incident.ComponentStatus;
import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.EntryCorrected;
import io.incidentledger.incident.ImpactAssessed;
import io.incidentledger.incident.IncidentAcknowledged;
import io.incidentledger.incident.IncidentContained;
import io.incidentledger.incident.IncidentDetected;
import io.incidentledger.incident.IncidentFixed;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.InternalNoteAdded;
import io.incidentledger.incident.LessonCategory;
import io.incidentledger.incident.LessonRecorded;
import io.incidentledger.incident.Mitigation;
import io.incidentledger.incident.RootCauseIdentified;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.IncidentStream;
import io.incidentledger.query.ReopenedOutageStory;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class PostmortemMarkdownTest {

    @Test
    void rendersTheStoryInTheSectionsOfTheTemplate() {
        var view = PostmortemDocument.render(PostmortemFoldTest.fold(ReopenedOutageStory.stream().recorded()));

        assertThat(PostmortemMarkdown.render(view)).isEqualTo("""
                # Postmortem: Checkout errors after deploy

                | Incident | Status | Severity | Services |
                |---|---|---|---|
                | INC-42 | final | SEV1 | checkout, payments |

                ## Summary

                A shrunken pool broke checkout twice; Incident commander and Responder 3 fixed it

                ## Impact

                EU customers cannot pay

                - Impact started: 2025-03-14 09:13:00 UTC
                - Affected users: 33.5 %
                - Affected components: checkout (major outage), payments (partial outage)

                ## Root causes

                ### Root cause 1

                A config change shrank the DB pool

                The chain of whys:

                1. Checkout failed because connections ran out
                2. The pool was set to 2 by Responder 1's change

                ## Trigger

                - Deploy 4711

                ## Why it was not caught

                - Load tests use one connection

                ## Resolution

                - Contained at 2025-03-14 09:38:00 UTC by rollback: Responder 1 rolls back deploy 4712
                - Fixed at 2025-03-14 09:55:00 UTC: Reverted the pool size change (fix: PR-981)
                - Fixed at 2025-03-14 11:10:00 UTC: Removed the second pool override (fix: PR-990)

                ## Detection

                Detected at 2025-03-14 09:20:00 UTC by monitoring; time to detect from the start of customer impact: 7 min.

                ## Action items

                | ID | Action item | Kind | Owner team | Due | Status |
                |---|---|---|---|---|---|
                | AI-1 | Alert on pool exhaustion | detect | platform | 2025-04-01 | done |
                | AI-2 | Load test with the production pool size | prevent | payments | none | open |

                ## Lessons learned

                ### What went well

                - Monitoring paged in 7 minutes

                ### What went wrong

                - The first revert missed payments

                ### Where we got lucky

                - It happened outside peak hours

                ## Lead-up

                | Time (UTC) | Who | Entry |
                |---|---|---|
                | 2025-03-14 09:12:00 | Incident commander | Internal note: Deploy 4711 by Responder 1 went out at 09:12 |

                ## Timeline

                | Time (UTC) | Who | Entry |
                |---|---|---|
                | 2025-03-14 09:12:00 | Incident commander | Internal note: Deploy 4711 by Responder 1 went out at 09:12 |
                | 2025-03-14 09:20:00 | Incident commander | Detected by monitoring as SEV2: Checkout API returns 500 for a third of requests |
                | 2025-03-14 09:21:30 | Incident commander | Incident commander acknowledged the incident and took command _(corrected: The pager log shows an earlier acknowledgement)_ |
                | 2025-03-14 09:23:00 | Incident commander | Responder 1 joined as operations |
                | 2025-03-14 09:25:00 | Incident commander | Impact assessed: EU customers cannot pay |
                | 2025-03-14 09:26:00 | Responder 2 | Public update (investigating): We are investigating failed checkouts. |
                | 2025-03-14 09:26:40 | Incident commander | Severity changed from SEV2 to SEV1: Incident commander escalates: every EU checkout fails |
                | 2025-03-14 09:26:10 | Responder 2 | Internal note: Responder 2 drafts the status text; Responder 3 is on her way |
                | 2025-03-14 09:38:00 | Responder 1 | Contained by rollback: Responder 1 rolls back deploy 4712 _(corrected: Wrong deploy number and time)_ |
                | 2025-03-14 09:55:00 | Incident commander | Fixed (PR-981): Reverted the pool size change |
                | 2025-03-14 10:30:00 | Incident commander | Reopened: Errors are back: the revert missed payments |
                | 2025-03-14 10:31:00 | Incident commander | Responder 3 joined as subject matter expert |
                | 2025-03-14 10:50:00 | Responder 3 | Internal note: Found a second pool override in payments |
                | 2025-03-14 11:10:00 | Responder 3 | Fixed (PR-990): Removed the second pool override |
                | 2025-03-14 11:12:00 | Responder 2 | Public update (resolved): Checkouts work again. |
                | 2025-03-14 11:20:00 | Incident commander | Root cause identified: A config change shrank the DB pool |
                | 2025-03-14 11:25:00 | Incident commander | Lesson recorded (went well): Monitoring paged in 7 minutes |
                | 2025-03-14 11:26:00 | Incident commander | Lesson recorded (went wrong): The first revert missed payments |
                | 2025-03-14 11:27:00 | Incident commander | Lesson recorded (got lucky): It happened outside peak hours |
                | 2025-03-14 11:28:00 | Incident commander | Action item AI-1 added (detect, owner platform): Alert on pool exhaustion |
                | 2025-03-14 11:29:00 | Incident commander | Action item AI-2 added (prevent, owner payments): Load test with the production pool size |
                | 2025-03-14 11:30:00 | Incident commander | Action item AI-1 completed |
                | 2025-03-14 12:00:00 | Incident commander | Postmortem completed: A shrunken pool broke checkout twice; Incident commander and Responder 3 fixed it |

                ## Response metrics

                | Metric | Value |
                |---|---|
                | Time to detect (from impact start) | 7 min |
                | Time to acknowledge (from detection) | 1 min 30 s |
                | Time to contain (from detection) | 18 min |
                | Time to fix (from detection, final fix) | 1 h 50 min |
                | Impact duration (impact start to final fix) | 1 h 57 min |
                | Time to first public update (from detection) | 6 min |
                | Times reopened | 1 |

                ## Participants

                People appear by role only.

                | Who | Roles |
                |---|---|
                | Incident commander | commander |
                | Responder 1 | operations |
                | Responder 2 | none |
                | Responder 3 | subject matter expert |
                | Responder 4 | none |
                """);
    }

    private static final String HOSTILE = """
            **bold** _it_ `code` ~~gone~~ $x^2$ <script>alert(1)</script> &amp; &#60;b&#62; | a | b |
            [click](javascript:alert(1)) ![img](https://evil.example/x.png) <https://evil.example>
            www.evil.example https://evil.example/path mail@evil.example @team #12 \\<br> a\\
            # heading
            - item
            + item
            1. first
            3) third
            > quote
                indented code
            ```
            ---
            ===
            <div>block</div>
            [ref]: https://evil.example
            """;

    @Test
    void userTextCannotInjectMarkupAnywhere() {
        var markdown = PostmortemMarkdown.render(PostmortemDocument.render(
                PostmortemFoldTest.fold(hostileStream().recorded())));
        var document = Parser.builder()
                .extensions(List.of(TablesExtension.create(), StrikethroughExtension.create(),
                        AutolinkExtension.create()))
                .build().parse(markdown);
        var found = new ArrayList<Node>();
        document.accept(new AbstractVisitor() {
            @Override
            protected void visitChildren(Node parent) {
                found.add(parent);
                super.visitChildren(parent);
            }

            @Override
            public void visit(Text text) {
                found.add(text);
            }

            @Override
            public void visit(HtmlInline html) {
                found.add(html);
            }

            @Override
            public void visit(Code code) {
                found.add(code);
            }
        });

        // a bare URL or address may be autolinked, but then it shows exactly where it leads
        assertThat(found).filteredOn(Link.class::isInstance).allMatch(n -> List.of(text(n), "http://" + text(n),
                "mailto:" + text(n)).contains(((Link) n).getDestination()));
        assertThat(found).noneMatch(n -> n instanceof Image || n instanceof Code
                || n instanceof HtmlBlock || n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock
                || n instanceof StrongEmphasis || n instanceof Strikethrough || n instanceof BlockQuote
                || n instanceof ThematicBreak);
        assertThat(found).filteredOn(ListBlock.class::isInstance).as("lists are never nested")
                .allMatch(list -> list.getParent() instanceof Document);
        assertThat(found).filteredOn(HtmlInline.class::isInstance)
                .extracting(n -> ((HtmlInline) n).getLiteral()).containsOnly("<br>");
        assertThat(found).filteredOn(Heading.class::isInstance).extracting(PostmortemMarkdownTest::text)
                .allMatch(h -> SECTIONS.contains(h) || h.startsWith("Root cause ") || h.startsWith("Postmortem: "));
        assertThat(found).filteredOn(Emphasis.class::isInstance).extracting(PostmortemMarkdownTest::text)
                .allMatch(e -> e.equals("None recorded.") || e.startsWith("(corrected: "));
        // every hostile line is shown literally, escapes resolved
        var shown = text(document);
        for (var line : HOSTILE.strip().split("\\n")) {
            assertThat(shown).contains(line.strip());
        }
    }

    private static final Set<String> SECTIONS = Set.of("Summary", "Impact", "Root causes", "Trigger",
            "Why it was not caught", "Resolution", "Detection", "Action items", "Lessons learned", "What went well",
            "What went wrong", "Where we got lucky", "Lead-up", "Timeline", "Response metrics", "Participants");

    private static String text(Node node) {
        var text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(HtmlInline html) {
                text.append("\n");
            }

            @Override
            public void visit(org.commonmark.node.Paragraph paragraph) {
                visitChildren(paragraph);
                text.append("\n");
            }

            @Override
            public void visit(CustomNode custom) {
                visitChildren(custom);
                text.append("\n");
            }
        });
        return text.toString();
    }

    private static IncidentStream hostileStream() {
        var id = new IncidentId("INC-7");
        var t = Instant.parse("2025-05-01T10:00:00Z");
        var stream = new IncidentStream("INC-7", t);
        stream.record(new IncidentDetected(id, HOSTILE.lines().findFirst().orElseThrow(), Severity.SEV3, HOSTILE,
                List.of("<b>svc</b>", "a|b"), DetectionSource.EMPLOYEE, t), "ops");
        stream.record(new IncidentAcknowledged(id, "ops", t.plusSeconds(60)), "ops");
        stream.record(new InternalNoteAdded(id, HOSTILE, t.minusSeconds(600)), "ops");
        stream.record(new ImpactAssessed(id, HOSTILE, t.minusSeconds(900), 12.0,
                List.of(new AffectedComponent("*api*", ComponentStatus.DEGRADED_PERFORMANCE)), t.plusSeconds(90)),
                "ops");
        stream.record(new IncidentContained(id, Mitigation.FEATURE_DISABLED, HOSTILE, t.plusSeconds(120)), "ops");
        stream.record(new IncidentFixed(id, HOSTILE, "[PR](javascript:x)", t.plusSeconds(180)), "ops");
        // single lines that open a block when they start a line: each lands at the start of a list item
        stream.record(new RootCauseIdentified(id, List.of(HOSTILE, "# why", "- dash", "+ plus", "* star",
                "> quote", "2) two", "3. three", "---", "***", "___", "```", "~~~", "<div>", "| a | b |"),
                HOSTILE, "- trigger", "1. not caught", t.plusSeconds(240)), "ops");
        stream.record(new LessonRecorded(id, LessonCategory.WENT_WELL, "---", t.plusSeconds(250)), "ops");
        stream.record(new LessonRecorded(id, LessonCategory.WENT_WRONG, "> quoted", t.plusSeconds(260)), "ops");
        stream.record(new LessonRecorded(id, LessonCategory.GOT_LUCKY, HOSTILE, t.plusSeconds(300)), "ops");
        stream.record(new ActionItemAdded(id, "<i>AI</i>", HOSTILE, ActionItemKind.MITIGATE, "`team`",
                LocalDate.parse("2025-06-01"), t.plusSeconds(360)), "ops");
        stream.record(new EntryCorrected(id, 2, HOSTILE, HOSTILE, null, t.plusSeconds(420)), "ops");
        return stream;
    }
}
