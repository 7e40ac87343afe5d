package dev.catapult.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditChainTest {
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00.123456Z");

    /** The fixed event whose hash is pinned below. */
    private static AuditRecord fixedEvent() {
        return AuditChain.next(
                0,
                AuditChain.GENESIS,
                AT,
                "alice",
                "release.create",
                "app:shop",
                Map.of("version", 7, "commit", "abc"),
                "req-1");
    }

    @Test
    void canonicalFormOfAnEventIsFixed() {
        assertThat(fixedEvent().canonical())
                .isEqualTo(
                        "{\"action\":\"release.create\",\"actor\":\"alice\",\"at\":\"2024-05-01T12:00:00.123456Z\","
                                + "\"details\":{\"commit\":\"abc\",\"version\":7},\"requestId\":\"req-1\",\"seq\":1,\"subject\":\"app:shop\"}");
    }

    @Test
    void hashOfAFixedEventIsStable() {
        // Cross-checked in a shell: printf '%s%s' "$GENESIS" "$CANONICAL" | sha256sum
        assertThat(fixedEvent().hash()).isEqualTo("fd8982bfcc6a37f4bd27c8c159109c88671ee9c471387ec7c1d63da1d1ec6188");
    }

    @Test
    void hashIsSha256OfPreviousHashThenCanonicalForm() {
        assertThat(AuditChain.hash("", "abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hashDoesNotDependOnTheJavaTypeOfNumbersInDetails() {
        AuditRecord withLong = AuditChain.next(
                0,
                AuditChain.GENESIS,
                AT,
                "alice",
                "release.create",
                "app:shop",
                Map.of("version", 7L, "commit", "abc"),
                "req-1");

        assertThat(withLong.hash()).isEqualTo(fixedEvent().hash());
    }

    @Test
    void firstEventChainsToGenesis() {
        AuditRecord first = fixedEvent();

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditChain.GENESIS).isEqualTo("0".repeat(64));
    }

    @Test
    void nextEventChainsToThePreviousHash() {
        AuditRecord first = fixedEvent();
        AuditRecord second = AuditChain.next(
                first.seq(), first.hash(), AT.plusSeconds(1), "bob", "deploy.create", "deploy:1", Map.of(), null);

        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
    }

    @Test
    void timeIsKeptToMicrosecondsSoAReadBackEventHashesTheSame() {
        AuditRecord e = AuditChain.next(
                0,
                AuditChain.GENESIS,
                Instant.parse("2024-05-01T12:00:00.123456789Z"),
                "alice",
                "release.create",
                "app:shop",
                Map.of("version", 7, "commit", "abc"),
                "req-1");

        assertThat(e.at()).isEqualTo(AT);
        assertThat(e.hash()).isEqualTo(fixedEvent().hash());
    }

    @Test
    void intactChainVerifies() {
        AuditChain.Result result = verify(chain(5));

        assertThat(result).isEqualTo(new AuditChain.Result(true, 5, null, null));
    }

    @Test
    void emptyChainVerifies() {
        assertThat(verify(List.of())).isEqualTo(new AuditChain.Result(true, 0, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void alteredFieldIsDetectedAtItsEvent(String field, UnaryOperator<AuditRecord> alter) {
        List<AuditRecord> events = chain(5);
        events.set(2, alter.apply(events.get(2)));

        AuditChain.Result result = verify(events);

        assertThat(result).isEqualTo(new AuditChain.Result(false, 2, 3L, "event 3 was altered"));
    }

    static Stream<Arguments> alteredFieldIsDetectedAtItsEvent() {
        return Stream.of(
                Arguments.of("at", alter(e -> copy(e, f -> f.at = f.at.plusMillis(1)))),
                Arguments.of("actor", alter(e -> copy(e, f -> f.actor = "mallory"))),
                Arguments.of("action", alter(e -> copy(e, f -> f.action = "deploy.approve"))),
                Arguments.of("subject", alter(e -> copy(e, f -> f.subject = "app:other"))),
                Arguments.of("details", alter(e -> copy(e, f -> f.details = Map.of("n", 999)))),
                Arguments.of("requestId", alter(e -> copy(e, f -> f.requestId = null))),
                Arguments.of("hash", alter(e -> copy(e, f -> f.hash = AuditChain.GENESIS))));
    }

    @Test
    void alteredEventWithARecomputedHashBreaksTheLinkToTheNextEvent() {
        List<AuditRecord> events = chain(5);
        AuditRecord original = events.get(2);
        events.set(2, rechained(original, f -> f.actor = "mallory"));

        assertThat(verify(events)).isEqualTo(new AuditChain.Result(false, 3, 4L, "event 4 does not chain to event 3"));
    }

    @Test
    void deletedEventLeavesAGapAtItsSequenceNumber() {
        List<AuditRecord> events = chain(5);
        events.remove(2);

        assertThat(verify(events)).isEqualTo(new AuditChain.Result(false, 2, 3L, "event 3 is missing"));
    }

    @Test
    void deletedFirstEventIsDetected() {
        List<AuditRecord> events = chain(3);
        events.removeFirst();

        assertThat(verify(events)).isEqualTo(new AuditChain.Result(false, 0, 1L, "event 1 is missing"));
    }

    @Test
    void reorderedPairIsDetectedAtTheFirstOfThem() {
        List<AuditRecord> events = chain(5);
        AuditRecord third = events.get(2);
        events.set(2, events.get(3));
        events.set(3, third);

        assertThat(verify(events).firstBadSeq()).isEqualTo(3L);
    }

    @Test
    void swappedContentsUnderTheSameSequenceNumbersAreDetectedAtTheFirstOfThem() {
        List<AuditRecord> events = chain(5);
        AuditRecord third = events.get(2);
        AuditRecord fourth = events.get(3);
        events.set(2, copy(fourth, f -> f.seq = 3));
        events.set(3, copy(third, f -> f.seq = 4));

        assertThat(verify(events)).isEqualTo(new AuditChain.Result(false, 2, 3L, "event 3 does not chain to event 2"));
    }

    @Test
    void wrongPreviousHashIsDetectedEvenWhenTheEventsOwnHashMatches() {
        List<AuditRecord> events = chain(5);
        AuditRecord original = events.get(2);
        String wrongPrev = "f".repeat(64);
        events.set(2, rechained(original, f -> f.prevHash = wrongPrev));

        assertThat(verify(events)).isEqualTo(new AuditChain.Result(false, 2, 3L, "event 3 does not chain to event 2"));
    }

    @Test
    void verifierStopsAtTheFirstBreak() {
        List<AuditRecord> events = chain(5);
        events.remove(1);
        AuditChain.Verifier verifier = AuditChain.verifier();

        assertThat(verifier.accept(events.get(0))).isTrue();
        assertThat(verifier.accept(events.get(1))).isFalse();
        assertThat(verifier.accept(events.get(2))).isFalse();
        assertThat(verifier.result().checked()).isEqualTo(1);
        assertThat(verifier.result().firstBadSeq()).isEqualTo(2L);
    }

    private static UnaryOperator<AuditRecord> alter(UnaryOperator<AuditRecord> f) {
        return f;
    }

    /** {@code e} with what {@code edit} changes in its fields, its hash left as it was. */
    private static AuditRecord copy(AuditRecord e, Consumer<Fields> edit) {
        Fields f = new Fields(e);
        edit.accept(f);
        return new AuditRecord(f.seq, f.at, f.actor, f.action, f.subject, f.details, f.requestId, f.prevHash, f.hash);
    }

    /** {@code e} with what {@code edit} changes in its fields, chained anew (a fresh hash over the edit). */
    private static AuditRecord rechained(AuditRecord e, Consumer<Fields> edit) {
        Fields f = new Fields(e);
        edit.accept(f);
        return AuditChain.next(f.seq - 1, f.prevHash, f.at, f.actor, f.action, f.subject, f.details, f.requestId);
    }

    /** A stored event's fields, for a test to tamper with. */
    private static final class Fields {
        long seq;
        Instant at;
        String actor;
        String action;
        String subject;
        Map<String, Object> details;

        @Nullable
        String requestId;

        String prevHash;
        String hash;

        Fields(AuditRecord e) {
            seq = e.seq();
            at = e.at();
            actor = e.actor();
            action = e.action();
            subject = e.subject();
            details = e.details();
            requestId = e.requestId();
            prevHash = e.prevHash();
            hash = e.hash();
        }
    }

    private static List<AuditRecord> chain(int n) {
        List<AuditRecord> events = new ArrayList<>();
        long seq = 0;
        String prev = AuditChain.GENESIS;
        for (int i = 0; i < n; i++) {
            Map<String, Object> details = new HashMap<>();
            details.put("n", i);
            details.put("note", "event \"" + i + "\"\n");
            AuditRecord e = AuditChain.next(
                    seq,
                    prev,
                    AT.plusSeconds(i),
                    "actor-" + i,
                    "action." + i,
                    "subject:" + i,
                    details,
                    i % 2 == 0 ? "req-" + i : null);
            events.add(e);
            seq = e.seq();
            prev = e.hash();
        }
        return events;
    }

    private static AuditChain.Result verify(List<AuditRecord> events) {
        AuditChain.Verifier verifier = AuditChain.verifier();
        for (AuditRecord e : events) {
            if (!verifier.accept(e)) {
                break;
            }
        }
        return verifier.result();
    }
}
