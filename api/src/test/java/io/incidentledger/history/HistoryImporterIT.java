package io.incidentledger.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import io.incidentledger.incident.IncidentId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "incident-ledger.samples.enabled=true"})
class HistoryImporterIT {

    @Autowired
    HistoryImporter importer;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void samplesAreLoadedOnTheFirstStartOfAnEmptyStore() {
        assertThat(jdbc.sql("select count(distinct aggregateIdentifier) from DomainEventEntry "
                + "where aggregateIdentifier like 'INC-SAMPLE-%'").query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void aRejectedLineLeavesNothingOfItsIncidentAndNamesTheLine() {
        var result = importer.importEntries(entries("""
                {"incident":"INC-GOOD","type":"detected","at":"2026-01-05T10:00:00Z","title":"Good","severity":"SEV3"}
                {"incident":"INC-BAD","type":"detected","at":"2026-01-05T10:00:00Z","title":"Bad","severity":"SEV3"}
                {"incident":"INC-BAD","type":"note","at":"2026-01-05T10:01:00Z","by":"maria","note":"kept only if all is"}
                {"incident":"INC-GOOD","type":"acknowledged","at":"2026-01-05T10:02:00Z","commander":"maria"}
                {"incident":"INC-BAD","type":"fixed","at":"2026-01-05T10:03:00Z","resolution":"restart"}
                """), "test");

        assertThat(result.imported()).containsExactly(new IncidentId("INC-GOOD"));
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.lineNumber()).isEqualTo(5);
            assertThat(r.code()).isEqualTo("NOT_ACKNOWLEDGED");
        });
        assertThat(events("INC-BAD")).isZero();
        assertThat(events("INC-GOOD")).isEqualTo(2);
    }

    @Test
    void malformedAndUnknownLinesAreRejectedWithTheirLineNumber() {
        var format = new TimelineFormat(json);
        assertThatThrownBy(() -> format.read(3, "{not json"))
                .isInstanceOfSatisfying(HistoryLineRejected.class, r -> assertThat(r.lineNumber()).isEqualTo(3));
        assertThatThrownBy(() -> format.toEntry(4, format.read(4, "{\"incident\":\"X\",\"type\":\"exploded\"}")))
                .isInstanceOfSatisfying(HistoryLineRejected.class, r -> assertThat(r.code()).isEqualTo("UNKNOWN_TYPE"));
        assertThatThrownBy(() -> format.toEntry(5, format.read(5,
                "{\"incident\":\"X\",\"type\":\"note\",\"note\":\"n\",\"colour\":\"red\"}")))
                .isInstanceOfSatisfying(HistoryLineRejected.class, r -> assertThat(r.getMessage()).contains("colour"));
        assertThatThrownBy(() -> format.toEntry(6, format.read(6,
                "{\"incident\":\"../etc\",\"type\":\"note\",\"note\":\"n\"}")))
                .isInstanceOfSatisfying(HistoryLineRejected.class, r -> assertThat(r.code()).isEqualTo("VALIDATION_FAILED"));
        assertThatThrownBy(() -> format.toEntry(7, format.read(7,
                "{\"incident\":\"X\",\"type\":\"detected\",\"title\":\"\",\"severity\":\"SEV3\"}")))
                .isInstanceOfSatisfying(HistoryLineRejected.class, r -> assertThat(r.getMessage()).contains("title"));
    }

    private List<TimelineEntry> entries(String lines) {
        var format = new TimelineFormat(json);
        var entries = new ArrayList<TimelineEntry>();
        var split = lines.strip().split("\n");
        for (int i = 0; i < split.length; i++) {
            entries.add(format.toEntry(i + 1, format.read(i + 1, split[i])));
        }
        return entries;
    }

    private long events(String incident) {
        return jdbc.sql("select count(*) from DomainEventEntry where aggregateIdentifier = ?")
                .param(incident).query(Long.class).single();
    }
}
