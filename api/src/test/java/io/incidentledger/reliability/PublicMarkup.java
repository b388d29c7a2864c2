package io.incidentledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import io.incidentledger.Api;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the public outputs the way their readers do, a browser (HTML parsed by jsoup) and a
 * feed reader (XML), and finds any element or event handler that text sent to the API became:
 * hostile text must appear as the literal text it was, never as markup.
 */
final class PublicMarkup {

    static final String SCRIPT = "<script>alert(1)</script>";
    private static final String INJECTABLE = "script, img, svg, iframe, object, embed, style, form, input, base";

    private final Api api;
    private int pages;

    PublicMarkup(Api api) {
        this.api = api;
    }

    /** A public incident's page, when the incident is public; its text must show posted markup literally. */
    void checkIncidentPage(String incidentId) {
        var json = api.get("/api/public/incidents/" + incidentId).send();
        if (json.status() == 404) {
            return;
        }
        var posted = json.body().contains("\\u003cscript\\u003e") || json.body().contains("<script>");
        var page = html("/status/incidents/" + incidentId);
        if (posted) {
            assertThat(page.text()).as("the incident page shows the posted markup as text").contains(SCRIPT);
        }
    }

    /** The status page, and the Atom feed as XML whose entries' text carries posted markup literally. */
    void checkStatusPageAndFeed() {
        html("/status");
        var feed = api.get("/feed.atom").send();
        assertThat(feed.status()).isEqualTo(200);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
            var names = new ArrayList<String>();
            collect(xml.getDocumentElement(), names);
            assertThat(names).as("elements of the feed").doesNotContain("script", "img", "svg", "iframe");
            if (feed.body().contains("&lt;script&gt;")) {
                assertThat(xml.getDocumentElement().getTextContent()).contains(SCRIPT);
            }
        } catch (Exception e) {
            throw new AssertionError("the feed is not well-formed XML: " + e.getMessage() + "\n" + feed.body(), e);
        }
        System.out.printf("PublicMarkup: %d HTML pages and the feed parsed, no markup from input found%n", pages);
    }

    private Document html(String path) {
        var answer = api.get(path).send();
        assertThat(answer.status()).as(path).isEqualTo(200);
        var document = Jsoup.parse(answer.body());
        pages++;
        var injected = new ArrayList<String>();
        document.select(INJECTABLE).forEach(e -> injected.add(e.outerHtml()));
        document.getAllElements().forEach(e -> e.attributes().forEach(a -> {
            if (a.getKey().toLowerCase().startsWith("on") || a.getValue().toLowerCase().startsWith("javascript:")) {
                injected.add(e.outerHtml());
            }
        }));
        if (!injected.isEmpty()) {
            Tally.MARKUP.addAndGet(injected.size());
        }
        assertThat(injected).as("elements or handlers created from input on " + path).isEmpty();
        return document;
    }

    private static void collect(Node node, List<String> names) {
        if (node instanceof Element element) {
            names.add(element.getLocalName());
        }
        for (var child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(child, names);
        }
    }
}
