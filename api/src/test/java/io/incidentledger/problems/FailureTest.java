package io.incidentledger.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import io.incidentledger.incident.InvalidCommandException;
import io.incidentledger.incident.Rejection;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;

class FailureTest {

    @Test
    void aRejectionKeepsItsCodeWhetherThrownDirectlyOrWrappedByADistributedBus() {
        var direct = Failure.of(Rejection.ALREADY_FIXED.exception());
        var wrapped = Failure.of(new CommandExecutionException("The incident is already fixed.", null, "ALREADY_FIXED"));

        assertThat(direct.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(direct.code()).isEqualTo("ALREADY_FIXED");
        assertThat(wrapped).isEqualTo(new Failure(HttpStatus.CONFLICT, "ALREADY_FIXED",
                "The incident is already fixed.", java.util.Map.of()));
    }

    @Test
    void aWrappedRefusalKeepsItsCodeToo() {
        var wrapped = new CommandExecutionException("stale", null, ProblemCode.VERSION_MISMATCH.name());

        assertThat(Failure.of(wrapped).status()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
    }

    @Test
    void everyRejectionHasAClientErrorStatus() {
        for (var rejection : Rejection.values()) {
            assertThat(RejectionStatus.of(rejection).is4xxClientError()).as(rejection.name()).isTrue();
        }
        assertThat(RejectionStatus.of(Rejection.OCCURRED_IN_FUTURE)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(RejectionStatus.of(Rejection.ACTION_ITEM_UNKNOWN)).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aConflictRaisedAsAStatusStaysAConflict() {
        assertThat(ProblemCode.forStatus(409)).isEqualTo(ProblemCode.CONFLICT);
        assertThat(ProblemCode.CONFLICT.status().value()).isEqualTo(409);
        var refusal = Failure.of(new Refusal(ProblemCode.CONFLICT, "another node holds the model"));
        assertThat(refusal.status().value()).isEqualTo(409);
        assertThat(refusal.code()).isEqualTo("CONFLICT");
    }

    @Test
    void codesAreUniqueAcrossDomainAndApi() {
        assertThat(ProblemCatalogue.codes()).hasSize(ProblemCode.values().length + Rejection.values().length);
    }

    @Test
    void anInvalidCommandNamesItsField() {
        var failure = Failure.of(new InvalidCommandException("title", "is required"));

        assertThat(failure.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(failure.properties().get("errors")).isEqualTo(java.util.List.of(
                new Failure.FieldError("title", "is required")));
    }

    @Test
    void lostRacesOnTheEventStoreAreRetryableConflicts() {
        var duplicateOnPostgres = new EventStoreException("append failed", new SQLException("duplicate key", "23505"));

        assertThat(Failure.of(new ConcurrencyException("seq taken")).code()).isEqualTo("CONCURRENT_MODIFICATION");
        assertThat(Failure.of(duplicateOnPostgres).code()).isEqualTo("CONCURRENT_MODIFICATION");
        assertThat(Failure.of(new AggregateStreamCreationException("exists")).code()).isEqualTo("INCIDENT_EXISTS");
        assertThat(Failure.of(new AggregateNotFoundException("INC-1", "none")).code()).isEqualTo("INCIDENT_NOT_FOUND");
    }

    @Test
    void anythingElseIsAnInternalErrorThatSaysNothingAboutItself() {
        var failure = Failure.of(new IllegalStateException("password=hunter2"));

        assertThat(failure.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(failure.detail()).doesNotContain("hunter2");
        assertThat(Failure.of(new EventStoreException("disk full", new SQLException("io", "58030"))).code())
                .isEqualTo("INTERNAL_ERROR");
    }

    @Test
    void parametersRefusedWhenFirstReadAreBadRequests() {
        var firewall = Failure.of(new RequestRejectedException("parameter name \" \" is not allowed"));
        var tomcat = Failure.of(new InvalidParameterException("Invalid chunk"));

        assertThat(firewall.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tomcat.code()).isEqualTo("BAD_REQUEST");
    }
}
