package io.incidentledger.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * On the first start of an empty embedded store, loads the bundled sample incidents, so the status
 * page, the board and a finished postmortem have something to show. Each sample is moved in time
 * so that its latest entry lies the manifest's {@code latestEntryAgo} before now.
 */
@Component
@Order(0)
@ConditionalOnBooleanProperty("incident-ledger.samples.enabled")
class SampleIncidents implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleIncidents.class);
    private static final Set<String> INSTANTS = Set.of("at", "impactStartedAt", "nextUpdateDue", "correctedOccurredAt");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TimelineFormat format;
    private final HistoryImporter importer;
    private final Clock clock = Clock.systemUTC();

    SampleIncidents(JdbcClient jdbc, JsonMapper json, HistoryImporter importer) {
        this.jdbc = jdbc;
        this.json = json;
        this.format = new TimelineFormat(json);
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from DomainEventEntry").query(Long.class).single() > 0) {
            return;
        }
        var manifest = json.readTree(resource("samples/manifest.json"));
        int incidents = 0;
        for (var sample : manifest) {
            var file = sample.get("file").asString();
            var entries = shifted(readLines(file), Duration.parse(sample.get("latestEntryAgo").asString()));
            var result = importer.importEntries(entries, "samples/" + file);
            result.rejected().forEach(r -> log.error("Sample {} could not be loaded: {}", file, r.getMessage()));
            incidents += result.imported().size();
        }
        log.info("Loaded {} sample incidents into the empty store", incidents);
    }

    private List<ObjectNode> readLines(String file) {
        var lines = new ArrayList<ObjectNode>();
        try (var reader = new BufferedReader(new InputStreamReader(resource("samples/" + file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(format.read(lines.size() + 1, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private List<TimelineEntry> shifted(List<ObjectNode> lines, Duration latestEntryAgo) {
        var latest = lines.stream().map(l -> Instant.parse(l.get("at").asString())).max(Instant::compareTo).orElseThrow();
        // Whole minutes, so sample times read like times people record.
        var target = clock.instant().minus(latestEntryAgo).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        var shift = Duration.between(latest, target);
        var entries = new ArrayList<TimelineEntry>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            INSTANTS.stream().filter(line::has).forEach(field ->
                    line.put(field, Instant.parse(line.get(field).asString()).plus(shift).toString()));
            if (line.has("dueDate")) {
                var due = LocalDate.parse(line.get("dueDate").asString()).atStartOfDay().toInstant(ZoneOffset.UTC);
                line.put("dueDate", LocalDate.ofInstant(due.plus(shift), ZoneOffset.UTC).toString());
            }
            entries.add(format.toEntry(i + 1, line));
        }
        return entries;
    }

    private static java.io.InputStream resource(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
