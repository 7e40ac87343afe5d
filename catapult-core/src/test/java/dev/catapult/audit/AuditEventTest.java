package dev.catapult.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catapult.deploy.DeployStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stored form of audit events. The server's {@code AuditEventCompatibilityTest} pins every action against
 * the JSON and hashes written before the events were typed; these pin the rules that form is built by.
 */
class AuditEventTest {
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00.123456Z");

    @Test
    void everyKindOfEventHasItsOwnActionName() {
        List<String> actions = Arrays.stream(AuditEvent.class.getPermittedSubclasses())
                .map(AuditEventTest::action)
                .toList();
        assertThat(actions)
                .hasSize(AuditEvent.class.getPermittedSubclasses().length)
                .doesNotHaveDuplicates();
        assertThat(actions).allMatch(a -> a.matches("[a-z-]+(\\.[a-z-]+)+"));
    }

    static Stream<Arguments> canonicalDetails() {
        return Stream.of(
                Arguments.of(new AppArchived("shop"), "app/shop", "{}"),
                Arguments.of(
                        new AppUpdated("shop", null, null, "payments", null, "v-{sha}"),
                        "app/shop",
                        "{\"imageTagTemplate\":\"v-{sha}\",\"team\":\"payments\"}"),
                Arguments.of(
                        new AppCreated("shop", "r.example/shop", null, null),
                        "app/shop",
                        "{\"image\":\"r.example/shop\",\"repoUrl\":null,\"team\":null}"),
                Arguments.of(
                        new DeployDispatched("shop", "prod", "d_1", 3, null),
                        "app/shop/env/prod",
                        "{\"id\":\"d_1\",\"message\":\"\",\"status\":\"in_progress\",\"version\":3}"),
                Arguments.of(
                        new DeployCancelled("shop", "prod", "d_1", DeployStatus.QUEUED),
                        "app/shop/env/prod",
                        "{\"from\":\"queued\",\"id\":\"d_1\"}"),
                Arguments.of(
                        new ArtifactScanRequested("local", "shop/api", "v1", "j_1"),
                        "registry/local/shop/api",
                        "{\"job\":\"j_1\",\"tag\":\"v1\"}"),
                Arguments.of(
                        new SignInLocked("alice", 10, Duration.ofMinutes(15)),
                        "principal/alice",
                        "{\"failures\":10,\"window\":\"PT15M\"}"),
                Arguments.of(
                        new PrincipalBootstrapped("p_0", "t_0"),
                        "principal/admin",
                        "{\"id\":\"p_0\",\"tokenId\":\"t_0\"}"));
    }

    @ParameterizedTest
    @MethodSource
    void canonicalDetails(AuditEvent event, String subject, String canonical) {
        assertThat(event.subject()).isEqualTo(subject);
        assertThat(CanonicalJson.write(event.details())).isEqualTo(canonical);
    }

    @Test
    void detailsKeepTheirOrderAndNulls() {
        DeployReported e = new DeployReported("shop", "prod", "d_1", DeployStatus.FAILED, null, "ext-9");
        assertThat(e.details().keySet()).containsExactly("id", "status", "message", "externalRef");
        assertThat(e.details()).containsEntry("message", null);
    }

    @Test
    void aPartialUpdateRecordsOnlyWhatItWasGiven() {
        EnvironmentUpdated e = new EnvironmentUpdated("prod", null, 2, null, true);
        assertThat(e.details().keySet()).containsExactly("requiredApprovals", "protected");
    }

    @Test
    void anEventIsUnaffectedByLaterChangesToWhatItWasBuiltFrom() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("autoDeploy", true);
        changes.put("pinnedTag", null);
        WatchUpdated e = new WatchUpdated("shop", "prod", changes);
        changes.put("policy", "semver");
        assertThat(e.details().keySet()).containsExactly("autoDeploy", "pinnedTag");
        assertThatThrownBy(() -> e.details().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theSameEventHashesTheSameWhateverMapItsDetailsWereBuiltIn() {
        TokenCreated e = new TokenCreated("ci", "t_1", "deploys", List.of("read"), AT);
        Map<String, Object> unordered = new HashMap<>();
        unordered.put("expiresAt", AT.toString());
        unordered.put("scopes", List.of("read"));
        unordered.put("name", "deploys");
        unordered.put("tokenId", "t_1");
        AuditRecord typed =
                AuditChain.next(0, AuditChain.GENESIS, AT, "alice", e.action(), e.subject(), e.details(), null);
        AuditRecord map =
                AuditChain.next(0, AuditChain.GENESIS, AT, "alice", "token.created", "principal/ci", unordered, null);
        assertThat(typed.hash()).isEqualTo(map.hash());
    }

    private static String action(Class<?> kind) {
        try {
            return (String) kind.getField("ACTION").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(kind + " has no ACTION", e);
        }
    }
}
