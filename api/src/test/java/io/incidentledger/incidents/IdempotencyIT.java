package io.incidentledger.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.incidentledger.Api;
import io.incidentledger.RunningApplication;
import io.incidentledger.Concurrently;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A retry with the same Idempotency-Key gets the first answer and records nothing more. */
class IdempotencyIT extends RunningApplication {

    @Autowired
    IdempotencyKeys idempotencyKeys;
    @Autowired
    PlatformTransactionManager transactionManager;

    static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void aRetryGetsTheOriginalAnswerAndAppendsNothing() {
        var id = api.acknowledged("Retry");
        var key = newKey();
        var first = api.post("/api/incidents/" + id + "/notes").header("Idempotency-Key", key)
                .json(Map.of("note", "Cache flushed")).send();
        var eventsAfterFirst = events.of(id);

        var retry = api.post("/api/incidents/" + id + "/notes").header("Idempotency-Key", key)
                .json("{ \"note\" : \"Cache flushed\" }").send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(events.of(id)).isEqualTo(eventsAfterFirst);
        assertThat(events.idempotencyKeys(key)).isOne();
    }

    @Test
    void aRetriedDetectionAnswersWithTheSameIncident() {
        var key = newKey();
        var title = "Detected once " + key;
        var first = api.post("/api/incidents").header("Idempotency-Key", key)
                .json("{\"title\":\"" + title + "\",\"severity\":\"SEV2\"}").send();
        var total = events.total();

        var retry = api.post("/api/incidents").header("Idempotency-Key", "\"" + key + "\"")
                .json("{\"severity\": \"SEV2\", \"summary\": null,\n \"title\": \"" + title + "\"}").send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("incidentId")).isEqualTo(first.json().get("incidentId"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(events.total()).isEqualTo(total);
    }

    @Test
    void aLateRetryStillGetsTheOriginalVersion() {
        var id = api.acknowledged("Late retry");
        var key = newKey();
        var call = api.post("/api/incidents/" + id + "/severity").header("Idempotency-Key", key)
                .json(Map.of("severity", "SEV1", "reason", "Spreading"));
        var first = call.send();
        api.post("/api/incidents/" + id + "/notes").json(Map.of("note", "later")).send();

        var retry = call.send();

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.version()).isEqualTo(first.version());
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        var id = api.acknowledged("Reused key");
        var key = newKey();
        api.post("/api/incidents/" + id + "/notes").header("Idempotency-Key", key).json(Map.of("note", "one")).send();
        var before = events.total();

        var otherBody = api.post("/api/incidents/" + id + "/notes").header("Idempotency-Key", key)
                .json(Map.of("note", "two")).send();
        var otherEndpoint = api.post("/api/incidents/" + id + "/lessons").header("Idempotency-Key", key)
                .json(Map.of("category", "GOT_LUCKY", "text", "one")).send();

        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(otherEndpoint.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(events.total()).isEqualTo(before);
    }

    @Test
    void keysBelongToTheirPrincipal() {
        var id = api.acknowledged("Two principals");
        var key = newKey();
        var responder = api.post("/api/incidents/" + id + "/notes").header("Idempotency-Key", key)
                .json(Map.of("note", "same")).send();

        var admin = api.post("/api/incidents/" + id + "/notes").key(Api.ADMIN).header("Idempotency-Key", key)
                .json(Map.of("note", "same")).send();

        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.header("Idempotent-Replayed")).isEmpty();
        assertThat(admin.version()).isEqualTo(responder.version() + 1);
    }

    @Test
    void aRefusedWriteIsNotRemembered() {
        var id = api.acknowledged("Refused");
        var key = newKey();

        var refused = api.post("/api/incidents/" + id + "/acknowledgement").header("Idempotency-Key", key)
                .json(Map.of("commander", "Bob")).send();

        assertThat(refused.code()).isEqualTo("ALREADY_ACKNOWLEDGED");
        assertThat(events.idempotencyKeys(key)).isZero();
    }

    @Test
    void anExpiredKeyIsANewRequestAndExpiredKeysAreDeleted() {
        var id = api.acknowledged("Expired key");
        var key = newKey();
        var aDayAndAnHourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(25);
        jdbc.update("""
                INSERT INTO idempotency_key (principal, idempotency_key, fingerprint, incident_id, incident_version,
                created_at) VALUES ('dev-responder', ?, 'f', ?, 0, ?)""", key, id, aDayAndAnHourAgo);
        var stale = newKey();
        jdbc.update("""
                INSERT INTO idempotency_key (principal, idempotency_key, fingerprint, incident_id, incident_version,
                created_at) VALUES ('dev-viewer', ?, 'f', ?, 0, ?)""", stale, id, aDayAndAnHourAgo);

        var answer = api.post("/api/incidents/" + id + "/notes").header("Idempotency-Key", key)
                .json(Map.of("note", "new again")).send();
        idempotencyKeys.deleteExpired();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Idempotent-Replayed")).isEmpty();
        assertThat(answer.version()).isEqualTo(2);
        assertThat(events.idempotencyKeys(key)).isOne();
        assertThat(events.idempotencyKeys(stale)).isZero();
    }

    @Test
    void racingDetectionsWithOneKeyCreateOneIncident() {
        var key = newKey();
        var body = Map.of("title", "Race " + key, "severity", "SEV3");
        var total = events.total();

        var answers = Concurrently.run(8, i -> api.post("/api/incidents").header("Idempotency-Key", key)
                .json(body).send());

        assertThat(events.total()).isEqualTo(total + 1);
        var created = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(created).isNotEmpty();
        assertThat(created).extracting(a -> a.json().get("incidentId").asString()).containsOnly(
                created.get(0).json().get("incidentId").asString());
        assertThat(answers).allSatisfy(a -> assertThat(a.status() == 201
                || "IDEMPOTENCY_KEY_IN_FLIGHT".equals(a.code())).as(a.toString()).isTrue());

        System.out.printf("racing detections with one key: %d answered 201, %d answered 409 IN_FLIGHT%n",
                created.size(), answers.size() - created.size());
        var retry = api.post("/api/incidents").header("Idempotency-Key", key).json(body).send();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("incidentId")).isEqualTo(created.get(0).json().get("incidentId"));
    }

    @Test
    void aKeyHeldByAnUnfinishedRequestIsInFlightAndNothingIsRecorded() {
        var id = api.acknowledged("In flight");
        var key = newKey();
        var before = events.of(id);

        // Another request with this key has stored it but not committed yet: we hold its transaction open.
        new TransactionTemplate(transactionManager).executeWithoutResult(unfinished -> {
            jdbc.update("""
                    INSERT INTO idempotency_key (principal, idempotency_key, fingerprint, incident_id, incident_version,
                    created_at) VALUES ('dev-responder', ?, 'f', ?, 1, ?)""", key, id, OffsetDateTime.now(ZoneOffset.UTC));

            var answer = api.post("/api/incidents/" + id + "/notes").header("Idempotency-Key", key)
                    .json(Map.of("note", "meanwhile")).send();

            assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
            assertThat(answer.code()).isEqualTo("IDEMPOTENCY_KEY_IN_FLIGHT");
            unfinished.setRollbackOnly();
        });
        assertThat(events.of(id)).isEqualTo(before);
    }

    @Test
    void racingWritesWithOneKeyOnOneIncidentRecordOnce() {
        var id = api.acknowledged("Race on one incident");
        var key = newKey();
        var before = events.of(id);

        var answers = Concurrently.run(8, i -> api.post("/api/incidents/" + id + "/notes")
                .header("Idempotency-Key", key).json(Map.of("note", "once")).send());

        assertThat(events.of(id)).isEqualTo(before + 1);
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
        assertThat(answers).extracting(Api.Response::version).containsOnly(before);
    }
}
