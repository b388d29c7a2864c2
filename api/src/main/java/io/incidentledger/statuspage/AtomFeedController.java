package io.incidentledger.statuspage;

import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.incidentledger.query.timeline.FindPublicFeed;
import io.incidentledger.query.timeline.PublicFeedEntryView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every public update as an Atom entry, newest first; a corrected update is re-dated to its correction. */
@RestController
class AtomFeedController {

    static final String ATOM = "application/atom+xml;charset=UTF-8";

    private final QueryGateway queries;
    private final String baseUrl;

    AtomFeedController(QueryGateway queries, @Value("${incident-ledger.public-url:http://localhost:8080}") String baseUrl) {
        this.queries = queries;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @GetMapping(value = {"/feed.atom", "/status/feed.atom"}, produces = ATOM)
    ResponseEntity<String> feed() throws FeedException {
        var entries = queries.query(new FindPublicFeed(100),
                ResponseTypes.multipleInstancesOf(PublicFeedEntryView.class)).join();
        var feed = new Feed("atom_1.0");
        feed.setId(baseUrl + "/status");
        feed.setTitle("Status updates");
        feed.setAlternateLinks(List.of(link(baseUrl + "/status", "alternate")));
        feed.setOtherLinks(List.of(link(baseUrl + "/feed.atom", "self")));
        feed.setUpdated(Date.from(entries.isEmpty() ? java.time.Instant.EPOCH : entries.get(0).updatedAt()));
        feed.setEntries(entries.stream().map(this::entry).toList());
        return ResponseEntity.ok().header("Content-Type", ATOM).body(new WireFeedOutput().outputString(feed));
    }

    private Entry entry(PublicFeedEntryView view) {
        var update = view.update();
        var entry = new Entry();
        entry.setId(baseUrl + "/status/incidents/" + view.incidentId() + "#update-" + update.sequenceNumber());
        entry.setTitle(StatusLabels.publicStatus(update.status()) + ": " + view.incidentTitle());
        entry.setPublished(Date.from(update.occurredAt()));
        entry.setUpdated(Date.from(view.updatedAt()));
        entry.setAlternateLinks(List.of(link(baseUrl + "/status/incidents/" + view.incidentId(), "alternate")));
        var content = new Content();
        // Plain text: feed readers escape it; no customer text is ever interpreted as markup.
        content.setType(Content.TEXT);
        content.setValue(update.corrected() ? update.message() + " (corrected)" : update.message());
        entry.setContents(List.of(content));
        return entry;
    }

    private static Link link(String href, String rel) {
        var link = new Link();
        link.setHref(href);
        link.setRel(rel);
        return link;
    }
}
