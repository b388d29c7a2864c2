package io.incidentledger.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A keep-alive HTTP/1.1 client for many small requests, that also survives the board's event
 * stream: for {@code text/event-stream} the headers are the answer (the stream never ends).
 */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, HttpHeaders headers, String body) {

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + (body.length() > 1000 ? body.substring(0, 1000) + "..." : body);
        }
    }

    private Http() {
    }

    static Answer send(HttpRequest request) {
        try {
            var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            return new Answer(response.statusCode(), response.headers(), read(response));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(HttpResponse<InputStream> response) throws IOException {
        try (var in = response.body()) {
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                return "(event stream)";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
