package io.incidentledger.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.incidentledger.incident.IncidentDetected;
import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.Severity;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/** Resolving a type name once changes nothing that Axon's own serializer reads or answers. */
class TypeCachingJackson3SerializerTest {

    private final TypeCachingJackson3Serializer serializer = new TypeCachingJackson3Serializer(Jackson3Serializer.builder());
    private final Jackson3Serializer axons = Jackson3Serializer.builder().build();

    @Test
    void readsEventsAndMetadataAsAxonsSerializerDoes() {
        var event = new IncidentDetected(new IncidentId("INC-1"), "Checkout fails", Severity.SEV2, "500s on /pay",
                List.of("checkout"), DetectionSource.MONITORING, Instant.parse("2026-11-21T10:00:00.123456Z"));
        var metaData = MetaData.with("actor", "maria").and("correlationId", "c-1");

        for (int read = 0; read < 3; read++) {
            // as Axon reads a stored event: the type first, the object when asked
            var payload = new LazyDeserializingObject<>(axons.serialize(event, byte[].class), serializer);
            var meta = new LazyDeserializingObject<>(axons.serialize(metaData, byte[].class), serializer);

            assertThat(payload.getType()).isEqualTo(IncidentDetected.class);
            assertThat(payload.getObject()).isEqualTo(event);
            assertThat(meta.getObject()).isEqualTo(metaData);
        }
    }

    @Test
    void answersTheSameClassesAsAxonsSerializer() {
        for (var type : List.of(new SimpleSerializedType(IncidentDetected.class.getName(), "1"),
                new SimpleSerializedType(MetaData.class.getName(), null), SimpleSerializedType.emptyType(),
                new SimpleSerializedType("io.incidentledger.incident.NoSuchEvent", "1"))) {
            assertThat(serializer.classForType(type)).as(type.getName()).isEqualTo(axons.classForType(type));
            assertThat(serializer.classForType(type)).as(type.getName() + ", again").isEqualTo(axons.classForType(type));
        }
    }

    @Test
    void leavesAnUnknownTypeUnknownAndReadableAsSuch() {
        var unknown = new SimpleSerializedObject<>("{\"a\":1}".getBytes(), byte[].class,
                "io.incidentledger.incident.RemovedEvent", "3");

        Object first = serializer.deserialize(unknown);
        Object second = serializer.deserialize(unknown);

        assertThat(serializer.classForType(unknown.getType())).isEqualTo(UnknownSerializedType.class);
        assertThat(first).isInstanceOf(UnknownSerializedType.class);
        assertThat(second).isInstanceOf(UnknownSerializedType.class);
    }
}
