package io.incidentledger.incidents;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a write request says besides its body: who sends it, its correlation id, its idempotency
 * key, and the version it expects (If-Match). Turns a command into a message carrying all of
 * that, and the command's outcome into the response.
 */
final class Write {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final HttpServletRequest request;
    private final JsonMapper json;
    private final String actor;
    private final String correlationId;
    private final String idempotencyKey;
    private final Long expectedVersion;

    Write(HttpServletRequest request, JsonMapper json, String actor, String correlationId, String idempotencyKey,
          Long expectedVersion) {
        this.request = request;
        this.json = json;
        this.actor = actor;
        this.correlationId = correlationId;
        this.idempotencyKey = idempotencyKey;
        this.expectedVersion = expectedVersion;
    }

    CommandMessage<Object> command(Object payload) {
        var metaData = new HashMap<String, Object>();
        metaData.put(WriteMetaData.ACTOR, actor);
        metaData.put(WriteMetaData.CORRELATION_ID, correlationId);
        metaData.put(WriteMetaData.TRACE_ID, correlationId);
        if (idempotencyKey != null) {
            metaData.put(WriteMetaData.IDEMPOTENCY_KEY, idempotencyKey);
            metaData.put(WriteMetaData.FINGERPRINT, fingerprint());
        }
        if (expectedVersion != null) {
            metaData.put(WriteMetaData.EXPECTED_VERSION, expectedVersion);
        }
        return GenericCommandMessage.asCommandMessage(payload).andMetaData(metaData);
    }

    ResponseEntity<Written> ok(CommandOutcome outcome) {
        return respond(HttpStatus.OK, outcome).body(written(outcome));
    }

    ResponseEntity<Written> created(CommandOutcome outcome) {
        return respond(HttpStatus.CREATED, outcome)
                .location(URI.create("/api/incidents/" + outcome.incidentId()))
                .body(written(outcome));
    }

    private static ResponseEntity.BodyBuilder respond(HttpStatus status, CommandOutcome outcome) {
        var builder = ResponseEntity.status(status).eTag(Long.toString(outcome.version()));
        if (outcome.replayed()) {
            builder.header(REPLAYED_HEADER, "true");
        }
        return builder;
    }

    private static Written written(CommandOutcome outcome) {
        return new Written(outcome.incidentId(), outcome.version());
    }

    /**
     * What makes two requests the same request: method, path and query, sender, and the body
     * as read (so whitespace, key order or an explicit null do not make a retry "different").
     */
    private String fingerprint() {
        var body = request.getAttribute(RememberedBody.ATTRIBUTE);
        var canonical = new StringBuilder()
                .append(request.getMethod()).append(' ').append(request.getRequestURI())
                .append('?').append(request.getQueryString() == null ? "" : request.getQueryString())
                .append('\n').append(actor)
                .append('\n').append(body == null ? "" : json.writeValueAsString(body));
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
