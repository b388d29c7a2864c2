package io.incidentledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.incidentledger.Api;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The public status page's HTML as served (no script runs), read the way a browser parses it. */
final class StatusPage {

    final Document html;

    private StatusPage(Document html) {
        this.html = html;
    }

    static StatusPage fetch(Api api, String path) {
        var response = api.get(path).header("Accept", "text/html").send();
        assertThat(response.status()).as(path + " -> " + response).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        return new StatusPage(Jsoup.parse(response.body()));
    }

    String headline() {
        return html.selectFirst("p.overall").text();
    }

    /** Component name to the status shown beside it. */
    Map<String, String> components() {
        var components = new LinkedHashMap<String, String>();
        for (var item : html.select("ul.components > li")) {
            components.put(item.selectFirst(".name").text(), item.selectFirst(".badge").text());
        }
        return components;
    }

    /** Incident ids linked from a section: "current" or "resolved". */
    List<String> linkedIncidents(String section) {
        return html.select("section[aria-labelledby=" + section + "] a[href^=/status/incidents/]").stream()
                .map(a -> a.attr("href").substring("/status/incidents/".length())).toList();
    }

    /** The update messages shown for one incident on the overview page, newest first. */
    List<String> currentUpdates(String incidentId) {
        return html.select("div.incident").stream()
                .filter(block -> block.selectFirst("a[href=/status/incidents/" + incidentId + "]") != null)
                .findFirst().map(StatusPage::messages).orElse(List.of());
    }

    /** The update messages of an incident's own page, newest first, each as "Status: message". */
    List<String> updates() {
        return html.select("article.update").stream()
                .map(update -> update.selectFirst(".badge").text() + ": " + update.selectFirst("p.message").text())
                .toList();
    }

    private static List<String> messages(Element block) {
        return block.select("article.update p.message").stream().map(Element::text).toList();
    }
}
