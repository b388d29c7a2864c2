package io.incidentledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests that talk to the running application like any other client. */
public final class Api {

    public static final String RESPONDER = "dev-responder-key";
    public static final String VIEWER = "dev-viewer-key";
    public static final String AUDITOR = "dev-auditor-key";
    public static final String ADMIN = "dev-admin-key";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    public Api(int port) {
        this.base = URI.create("http://localhost:" + port);
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public Call post(String path) {
        return call("POST", path).key(RESPONDER);
    }

    public Call delete(String path) {
        return call("DELETE", path).key(RESPONDER);
    }

    public Call get(String path) {
        return call("GET", path);
    }

    /** Opens an incident as a responder and returns its id. */
    public String detect(String title) {
        var response = post("/api/incidents").json(Map.of("title", title, "severity", "SEV2")).send();
        if (response.status() != 201) {
            throw new AssertionError("detect failed: " + response);
        }
        return response.json().get("incidentId").asString();
    }

    /** Opens and acknowledges an incident, returning its id. */
    public String acknowledged(String title) {
        var id = detect(title);
        var response = post("/api/incidents/" + id + "/acknowledgement").json(Map.of("commander", "Ada")).send();
        if (response.status() != 200) {
            throw new AssertionError("acknowledge failed: " + response);
        }
        return id;
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public final class Call {

        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private boolean chunked;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call key(String key) {
            return header("X-API-Key", key);
        }

        public Call noKey() {
            headers.remove("X-API-Key");
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call json(Object value) {
            return raw("application/json", value instanceof String text ? text : Api.json(value));
        }

        public Call raw(String contentType, String text) {
            headers.put("Content-Type", contentType);
            body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** Sends the body without a Content-Length, as a client streaming it would. */
        public Call chunked() {
            chunked = true;
            return this;
        }

        public Response send() {
            var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
            headers.forEach(builder::header);
            HttpRequest.BodyPublisher publisher;
            if (body == null) {
                publisher = HttpRequest.BodyPublishers.noBody();
            } else if (chunked) {
                var bytes = body;
                publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
            } else {
                publisher = HttpRequest.BodyPublishers.ofByteArray(body);
            }
            builder.method(method, publisher);
            try {
                var response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        /** The problem detail's code, or null when the body is not a problem detail. */
        public String code() {
            if (!contentType().startsWith("application/problem+json")) {
                return null;
            }
            var code = json().get("code");
            return code == null ? null : code.asString();
        }

        public long version() {
            return json().get("version").asLong();
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body);
        }
    }
}
