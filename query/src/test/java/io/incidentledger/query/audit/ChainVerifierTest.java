package io.incidentledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.incidentledger.query.audit.ChainVerification.Reason;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private final List<StoredEvent> events = List.of(AuditChainTest.DETECTED, AuditChainTest.ASSESSED);
    private final String first = AuditChain.link(AuditChain.GENESIS, AuditChainTest.DETECTED);
    private final String second = AuditChain.link(first, AuditChainTest.ASSESSED);

    @Test
    void anIntactChainEndsAtItsHead() {
        var verification = ChainVerifier.verify("INC-1", events, Map.of(0L, first, 1L, second), second);
        assertThat(verification.intact()).isTrue();
        assertThat(verification.head()).isEqualTo(second);
        assertThat(verification.events()).isEqualTo(2);
    }

    @Test
    void anEditedRowBreaksAtItsOwnSequenceNumber() {
        var edited = new StoredEvent("e-1", "INC-1", 1, AuditChainTest.ASSESSED.type(), "1",
                AuditChainTest.ASSESSED.recordedAt(), null, AuditChainTest.ASSESSED.payload().replace("12.50", "1.25"));
        var verification = ChainVerifier.verify("INC-1", List.of(AuditChainTest.DETECTED, edited),
                Map.of(0L, first, 1L, second), null);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBreak().sequenceNumber()).isEqualTo(1);
        assertThat(verification.firstBreak().reason()).isEqualTo(Reason.ANCHOR_MISMATCH);
        assertThat(verification.firstBreak().expected()).isEqualTo(second);
        assertThat(verification.firstBreak().actual()).isEqualTo(AuditChain.link(first, edited));
    }

    @Test
    void deletedAndUnanchoredEventsShow() {
        var anchors = new TreeMap<>(Map.of(0L, first, 1L, second));
        assertThat(ChainVerifier.verify("INC-1", List.of(AuditChainTest.DETECTED), anchors, null).firstBreak())
                .satisfies(b -> assertThat(b.reason()).isEqualTo(Reason.ANCHOR_WITHOUT_EVENT))
                .satisfies(b -> assertThat(b.sequenceNumber()).isEqualTo(1));
        assertThat(ChainVerifier.verify("INC-1", List.of(AuditChainTest.ASSESSED), anchors, null).firstBreak().reason())
                .isEqualTo(Reason.SEQUENCE_GAP);
        assertThat(ChainVerifier.verify("INC-1", events, Map.of(0L, first), null).firstBreak().reason())
                .isEqualTo(Reason.MISSING_ANCHOR);
    }

    @Test
    void aHeadKeptFromEarlierPinsTheWholeChain() {
        var verification = ChainVerifier.verify("INC-1", events, Map.of(0L, first, 1L, second), first);
        assertThat(verification.firstBreak().reason()).isEqualTo(Reason.HEAD_MISMATCH);
        assertThat(verification.firstBreak().expected()).isEqualTo(first);
        assertThat(verification.firstBreak().actual()).isEqualTo(second);
    }

    @Test
    void aRowThatIsNotJsonIsUnreadable() {
        var garbled = new StoredEvent("e-1", "INC-1", 1, AuditChainTest.ASSESSED.type(), "1",
                AuditChainTest.ASSESSED.recordedAt(), null, "{not json");
        assertThat(ChainVerifier.verify("INC-1", List.of(AuditChainTest.DETECTED, garbled),
                Map.of(0L, first, 1L, second), null).firstBreak().reason()).isEqualTo(Reason.UNREADABLE);
    }
}
