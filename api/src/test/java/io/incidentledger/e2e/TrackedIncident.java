package io.incidentledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.incidentledger.Api;
import tools.jackson.databind.JsonNode;

/**
 * One incident driven over HTTP as a responder's client would: every write must succeed with the
 * next version, and the very next read (no sleep, no retry) must already show that version.
 */
final class TrackedIncident {

    final String id;
    private final Api api;
    private long version;

    private TrackedIncident(Api api, String id, long version) {
        this.api = api;
        this.id = id;
        this.version = version;
    }

    static TrackedIncident detect(Api api, Map<String, Object> body) {
        var created = api.post("/api/incidents").json(body).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var id = created.json().get("incidentId").asString();
        assertThat(created.header("Location")).contains("/api/incidents/" + id);
        var incident = new TrackedIncident(api, id, 0);
        incident.readsItsOwnWrite(created.version());
        return incident;
    }

    /** A POST under the incident's address that must succeed; returns the incident as read right after it. */
    JsonNode post(String path, Object body) {
        return write(api.post(url(path)).json(body).send());
    }

    /** Like {@link #post}, returning the write's response itself (for retries and headers). */
    Api.Response postAnswering(String path, Object body, String header, String value) {
        var response = api.post(url(path)).header(header, value).json(body).send();
        write(response);
        return response;
    }

    JsonNode write(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.version()).as("version after a write").isEqualTo(version + 1);
        assertThat(response.header("ETag")).contains("\"" + response.version() + "\"");
        return readsItsOwnWrite(response.version());
    }

    /** The incident as the board shows it (GET /api/incidents/{id}), asserting it is at the current version. */
    JsonNode read() {
        var response = api.get(url("")).key(Api.VIEWER).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.version()).as("read-your-writes: the read right after a 2xx shows it").isEqualTo(version);
        assertThat(response.header("ETag")).contains("\"" + version + "\"");
        return response.json();
    }

    long version() {
        return version;
    }

    String url(String path) {
        return "/api/incidents/" + id + path;
    }

    private JsonNode readsItsOwnWrite(long written) {
        version = written;
        return read();
    }
}
