package io.incidentledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load's own HTTP client against a real server: framing, keep-alive and reconnection. */
class HttpConnectionTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        // Like Tomcat: without it the JDK server's separate header and body writes meet delayed ACKs.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", exchange -> answer(exchange, 200, "fixed body", false));
        server.createContext("/chunked", exchange -> answer(exchange, 201, "x".repeat(20_000), true));
        server.createContext("/echo", exchange -> answer(exchange, 200,
                exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("X-API-Key") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), false));
        server.createContext("/closing", exchange -> {
            exchange.getResponseHeaders().add("Connection", "close");
            answer(exchange, 200, "bye", false);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange, int status, String body, boolean chunked) throws IOException {
        requests.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void readsFixedLengthAndChunkedBodiesOverOneConnection() {
        try (var http = new HttpConnection("127.0.0.1", server.getAddress().getPort())) {
            for (int i = 0; i < 50; i++) {
                assertThat(http.get("/fixed", null)).isEqualTo(new HttpConnection.Response(200, "fixed body"));
                var chunked = http.get("/chunked", null, "text/plain");
                assertThat(chunked.status()).isEqualTo(201);
                assertThat(chunked.body()).hasSize(20_000).matches("x+");
            }
        }
        assertThat(requests).hasValue(100);
    }

    @Test
    void sendsTheKeyAndTheJsonBody() {
        try (var http = new HttpConnection("127.0.0.1", server.getAddress().getPort())) {
            assertThat(http.post("/echo", "secret", "{\"note\":\"ä\"}").body()).isEqualTo("POST secret {\"note\":\"ä\"}");
        }
    }

    @Test
    void reconnectsAfterTheServerClosesTheConnection() {
        try (var http = new HttpConnection("127.0.0.1", server.getAddress().getPort())) {
            for (int i = 0; i < 5; i++) {
                assertThat(http.get("/closing", null).body()).isEqualTo("bye");
                assertThat(http.get("/fixed", null).body()).isEqualTo("fixed body");
            }
        }
        assertThat(requests).hasValue(10);
    }
}
