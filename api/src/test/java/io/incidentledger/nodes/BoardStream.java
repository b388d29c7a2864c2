package io.incidentledger.nodes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the live board's server-sent events, keeping every event it received. */
final class BoardStream implements AutoCloseable {

    record Event(String name, JsonNode data) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private volatile boolean closedByClient;
    private volatile boolean endedByServer;

    private BoardStream(InputStream body) {
        this.body = body;
        var reader = new Thread(this::read, "board-stream");
        reader.setDaemon(true);
        reader.start();
    }

    static BoardStream open(int port, String key) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/incidents/stream"))
                .header("X-API-Key", key).header("Accept", "text/event-stream").build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stream refused: " + response.statusCode());
        }
        return new BoardStream(response.body());
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** The versions of one incident this client was sent, in order. */
    List<Long> versionsOf(String incidentId) {
        return events.stream().filter(e -> e.name().equals("incident"))
                .filter(e -> e.data().get("incidentId").asString().equals(incidentId))
                .map(e -> e.data().get("version").asLong()).toList();
    }

    /** The server ended the stream: completed the response, or closed the connection. */
    boolean endedByServer() {
        return endedByServer;
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            var data = new StringBuilder();
            for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()));
                } else if (line.isEmpty() && name != null) {
                    events.add(new Event(name, JSON.readTree(data.toString())));
                    name = null;
                    data.setLength(0);
                }
            }
        } catch (IOException e) {
            // the connection was closed: by the test, or by the server
        } finally {
            endedByServer = !closedByClient;
        }
    }

    @Override
    public void close() throws IOException {
        closedByClient = true;
        body.close();
    }
}
