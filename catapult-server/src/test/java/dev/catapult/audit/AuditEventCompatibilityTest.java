package dev.catapult.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.deploy.DeployReason;
import dev.catapult.deploy.DeployStatus;
import dev.catapult.release.ReleaseSource;
import dev.catapult.targets.DeployerSpec;
import dev.catapult.targets.WatchSpec;
import dev.catapult.testing.ServerTest;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed audit events are stored exactly as the maps the call sites built before them: same action, subject,
 * detail JSON and hash, so chains already in a database keep verifying. Each case pairs an event with the
 * map its call site used to build (copied from the code it replaced) and the JSON written for it.
 */
class AuditEventCompatibilityTest extends ServerTest {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final Instant AT = Instant.parse("2026-11-30T10:15:30.123456Z");
    private static final Instant UNTIL = Instant.parse("2026-12-01T08:00:00Z");
    private static final String PREV = "ab".repeat(32);
    private static final DeployerSpec WEBHOOK =
            new DeployerSpec.Webhook(URI.create("https://cd.example/hook"), "CD_SECRET", Duration.ofMinutes(10));
    private static final WatchSpec WATCH = WatchSpec.parse(Map.of("policy", "semver", "autoDeploy", true));

    @Autowired
    JsonMapper json;

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate tx;

    /**
     * {@code ordered}: the old map kept its keys in order (a LinkedHashMap), so the very bytes written must
     * match. {@code Map.of} has no order, so for those only the stored form (jsonb's) could ever be compared.
     */
    record Case(
            AuditEvent event, String action, String subject, Map<String, Object> old, boolean ordered, String json) {
        @Override
        public String toString() {
            return action;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        new AppCreated("shop", "127.0.0.1:5000/shop/api", null, "payments"),
                        "app.created",
                        "app/shop",
                        ordered("image", "127.0.0.1:5000/shop/api", "repoUrl", null, "team", "payments"),
                        true,
                        "{\"image\":\"127.0.0.1:5000/shop/api\",\"repoUrl\":null,\"team\":\"payments\"}"),
                new Case(
                        new AppUpdated("shop", "127.0.0.1:5000/shop/web", null, null, Map.of("tier", "1"), null),
                        "app.updated",
                        "app/shop",
                        ordered("image", "127.0.0.1:5000/shop/web", "labels", Map.of("tier", "1")),
                        true,
                        "{\"image\":\"127.0.0.1:5000/shop/web\",\"labels\":{\"tier\":\"1\"}}"),
                new Case(new AppArchived("shop"), "app.archived", "app/shop", Map.of(), false, "{}"),
                new Case(
                        new EnvironmentCreated("prod", 30, true, 2, List.of("123456789012")),
                        "environment.created",
                        "environment/prod",
                        Map.of(
                                "rank",
                                30,
                                "protected",
                                true,
                                "requiredApprovals",
                                2,
                                "accounts",
                                List.of("123456789012")),
                        false,
                        "{\"rank\":30,\"protected\":true,\"requiredApprovals\":2,\"accounts\":[\"123456789012\"]}"),
                new Case(
                        new EnvironmentUpdated("prod", 40, null, List.of(), false),
                        "environment.updated",
                        "environment/prod",
                        ordered("rank", 40, "accounts", List.of(), "protected", false),
                        true,
                        "{\"rank\":40,\"accounts\":[],\"protected\":false}"),
                new Case(
                        new TargetSet("shop", "prod", WEBHOOK, WATCH),
                        "target.set",
                        "app/shop/env/prod",
                        ordered("deployer", WEBHOOK.toMap(), "watch", WATCH.toMap()),
                        true,
                        "{\"deployer\":{\"type\":\"webhook\",\"url\":\"https://cd.example/hook\",\"secretEnv\":\"CD_SECRET\","
                                + "\"timeout\":\"PT10M\"},\"watch\":{\"policy\":\"semver\",\"autoDeploy\":true,"
                                + "\"allowPrerelease\":false}}"),
                new Case(
                        new TargetSet("shop", "dev", new DeployerSpec.Record(false, null), null),
                        "target.set",
                        "app/shop/env/dev",
                        ordered("deployer", new DeployerSpec.Record(false, null).toMap(), "watch", null),
                        true,
                        "{\"deployer\":{\"type\":\"record\",\"awaitReport\":false},\"watch\":null}"),
                new Case(
                        new WatchUpdated("shop", "prod", ordered("autoDeploy", false, "pinnedTag", null)),
                        "watch.updated",
                        "app/shop/env/prod",
                        new LinkedHashMap<>(ordered("autoDeploy", false, "pinnedTag", null)),
                        true,
                        "{\"autoDeploy\":false,\"pinnedTag\":null}"),
                new Case(
                        new WatchHeld("shop", "prod", "incident 42", UNTIL),
                        "watch.held",
                        "app/shop/env/prod",
                        ordered("reason", "incident 42", "until", UNTIL.toString()),
                        true,
                        "{\"reason\":\"incident 42\",\"until\":\"2026-12-01T08:00:00Z\"}"),
                new Case(
                        new WatchHeld("shop", "prod", "freeze", null),
                        "watch.held",
                        "app/shop/env/prod",
                        ordered("reason", "freeze", "until", null),
                        true,
                        "{\"reason\":\"freeze\",\"until\":null}"),
                new Case(
                        new WatchHoldReleased("shop", "prod"),
                        "watch.hold.released",
                        "app/shop/env/prod",
                        Map.of(),
                        false,
                        "{}"),
                new Case(
                        new ReleaseCreated("shop", 7L, sha(7), null, ReleaseSource.API, "r_01"),
                        "release.created",
                        "app/shop/release/7",
                        ordered(
                                "version",
                                7L,
                                "commit",
                                sha(7),
                                "image",
                                null,
                                "source",
                                ReleaseSource.API.wireName(),
                                "revision",
                                "r_01"),
                        true,
                        "{\"version\":7,\"commit\":\"" + sha(7) + "\",\"image\":null,\"source\":\""
                                + ReleaseSource.API.wireName() + "\",\"revision\":\"r_01\"}"),
                new Case(
                        new DeployRequested(
                                "shop",
                                "prod",
                                "d_01",
                                7L,
                                6L,
                                DeployReason.ROLLBACK,
                                true,
                                DeployStatus.PENDING_APPROVAL,
                                "webhook",
                                true),
                        "deploy.requested",
                        "app/shop/env/prod",
                        ordered(
                                "id",
                                "d_01",
                                "version",
                                7L,
                                "previousVersion",
                                6L,
                                "reason",
                                DeployReason.ROLLBACK.wireName(),
                                "rollback",
                                true,
                                "status",
                                DeployStatus.PENDING_APPROVAL.wireName(),
                                "deployer",
                                "webhook",
                                "heldAutomation",
                                true),
                        true,
                        "{\"id\":\"d_01\",\"version\":7,\"previousVersion\":6,\"reason\":\"rollback\",\"rollback\":true,"
                                + "\"status\":\"pending_approval\",\"deployer\":\"webhook\",\"heldAutomation\":true}"),
                new Case(
                        new DeployRequested(
                                "shop",
                                "dev",
                                "d_02",
                                1L,
                                null,
                                DeployReason.MANUAL,
                                false,
                                DeployStatus.QUEUED,
                                "record",
                                false),
                        "deploy.requested",
                        "app/shop/env/dev",
                        ordered(
                                "id",
                                "d_02",
                                "version",
                                1L,
                                "previousVersion",
                                null,
                                "reason",
                                "manual",
                                "rollback",
                                false,
                                "status",
                                "queued",
                                "deployer",
                                "record",
                                "heldAutomation",
                                false),
                        true,
                        "{\"id\":\"d_02\",\"version\":1,\"previousVersion\":null,\"reason\":\"manual\",\"rollback\":false,"
                                + "\"status\":\"queued\",\"deployer\":\"record\",\"heldAutomation\":false}"),
                new Case(
                        new DeployApproved("shop", "prod", "d_01", DeployStatus.QUEUED),
                        "deploy.approved",
                        "app/shop/env/prod",
                        Map.of("id", "d_01", "status", "queued"),
                        false,
                        "{\"id\":\"d_01\",\"status\":\"queued\"}"),
                new Case(
                        new DeployCancelled("shop", "prod", "d_01", DeployStatus.PENDING_APPROVAL),
                        "deploy.cancelled",
                        "app/shop/env/prod",
                        Map.of("id", "d_01", "from", "pending_approval"),
                        false,
                        "{\"id\":\"d_01\",\"from\":\"pending_approval\"}"),
                new Case(
                        new DeployReported("shop", "prod", "d_01", DeployStatus.SUCCEEDED, "rolled out", null),
                        "deploy.reported",
                        "app/shop/env/prod",
                        ordered("id", "d_01", "status", "succeeded", "message", "rolled out", "externalRef", null),
                        true,
                        "{\"id\":\"d_01\",\"status\":\"succeeded\",\"message\":\"rolled out\",\"externalRef\":null}"),
                new Case(
                        new DeployDispatched("shop", "prod", "d_01", 7L, null),
                        "deploy.dispatched",
                        "app/shop/env/prod",
                        Map.of("id", "d_01", "version", 7L, "status", "in_progress", "message", ""),
                        false,
                        "{\"id\":\"d_01\",\"version\":7,\"status\":\"in_progress\",\"message\":\"\"}"),
                new Case(
                        new DeploySucceeded("shop", "prod", "d_01", 7L, "healthy"),
                        "deploy.succeeded",
                        "app/shop/env/prod",
                        Map.of("id", "d_01", "version", 7L, "status", "succeeded", "message", "healthy"),
                        false,
                        "{\"id\":\"d_01\",\"version\":7,\"status\":\"succeeded\",\"message\":\"healthy\"}"),
                new Case(
                        new DeployFailed("shop", "prod", "d_01", 7L, "timed out: no outcome before its deadline"),
                        "deploy.failed",
                        "app/shop/env/prod",
                        Map.of(
                                "id",
                                "d_01",
                                "version",
                                7L,
                                "status",
                                "failed",
                                "message",
                                "timed out: no outcome before its deadline"),
                        false,
                        "{\"id\":\"d_01\",\"version\":7,\"status\":\"failed\","
                                + "\"message\":\"timed out: no outcome before its deadline\"}"),
                new Case(
                        new PrincipalCreated("ci", "p_01", "service"),
                        "principal.created",
                        "principal/ci",
                        Map.of("id", "p_01", "kind", "service"),
                        false,
                        "{\"id\":\"p_01\",\"kind\":\"service\"}"),
                new Case(
                        new PrincipalBootstrapped("p_00", "t_00"),
                        "principal.bootstrapped",
                        "principal/admin",
                        Map.of("id", "p_00", "tokenId", "t_00"),
                        false,
                        "{\"id\":\"p_00\",\"tokenId\":\"t_00\"}"),
                new Case(
                        new TokenCreated("ci", "t_01", "deploys", List.of("deploy:shop/*"), UNTIL),
                        "token.created",
                        "principal/ci",
                        ordered(
                                "tokenId",
                                "t_01",
                                "name",
                                "deploys",
                                "scopes",
                                List.of("deploy:shop/*"),
                                "expiresAt",
                                UNTIL.toString()),
                        true,
                        "{\"tokenId\":\"t_01\",\"name\":\"deploys\",\"scopes\":[\"deploy:shop/*\"],"
                                + "\"expiresAt\":\"2026-12-01T08:00:00Z\"}"),
                new Case(
                        new TokenCreated("ci", "t_02", "forever", List.of("read"), null),
                        "token.created",
                        "principal/ci",
                        ordered("tokenId", "t_02", "name", "forever", "scopes", List.of("read"), "expiresAt", null),
                        true,
                        "{\"tokenId\":\"t_02\",\"name\":\"forever\",\"scopes\":[\"read\"],\"expiresAt\":null}"),
                new Case(
                        new TokenRevoked("ci", "t_01"),
                        "token.revoked",
                        "principal/ci",
                        Map.of("tokenId", "t_01"),
                        false,
                        "{\"tokenId\":\"t_01\"}"),
                new Case(
                        new TotpEnrolmentStarted("alice"),
                        "totp.enrolment.started",
                        "principal/alice",
                        Map.of(),
                        false,
                        "{}"),
                new Case(new TotpEnrolled("alice"), "totp.enrolled", "principal/alice", Map.of(), false, "{}"),
                new Case(
                        new TotpLocked("alice", UNTIL, 5),
                        "totp.locked",
                        "principal/alice",
                        Map.of("until", UNTIL.toString(), "failures", 5),
                        false,
                        "{\"until\":\"2026-12-01T08:00:00Z\",\"failures\":5}"),
                new Case(
                        new SignInLocked("alice", 10L, Duration.ofMinutes(15)),
                        "sign-in.locked",
                        "principal/alice",
                        Map.of("failures", 10L, "window", Duration.ofMinutes(15).toString()),
                        false,
                        "{\"failures\":10,\"window\":\"PT15M\"}"),
                new Case(
                        new RegistryCreated("local", "http://127.0.0.1:5000", "none", false),
                        "registry.created",
                        "registry/local",
                        ordered("url", "http://127.0.0.1:5000", "auth", "none", "notificationSecretSet", false),
                        true,
                        "{\"url\":\"http://127.0.0.1:5000\",\"auth\":\"none\",\"notificationSecretSet\":false}"),
                new Case(
                        new RegistryConfigured("local", "http://127.0.0.1:5000"),
                        "registry.configured",
                        "registry/local",
                        Map.of("url", "http://127.0.0.1:5000"),
                        false,
                        "{\"url\":\"http://127.0.0.1:5000\"}"),
                new Case(
                        new RegistryBackfillRequested("local", "j_01"),
                        "registry.backfill.requested",
                        "registry/local",
                        Map.of("job", "j_01"),
                        false,
                        "{\"job\":\"j_01\"}"),
                new Case(
                        new ArtifactScanRequested("local", "shop/api", "v1.2.3", "j_02"),
                        "artifact.scan.requested",
                        "registry/local/shop/api",
                        Map.of("tag", "v1.2.3", "job", "j_02"),
                        false,
                        "{\"tag\":\"v1.2.3\",\"job\":\"j_02\"}"),
                new Case(
                        new RuntimeSourceCreated("ecs", "ecs-sqs", List.of("aws-otel-collector", "datadog-agent")),
                        "runtime-source.created",
                        "runtime-source/ecs",
                        ordered("type", "ecs-sqs", "ignoreContainers", List.of("aws-otel-collector", "datadog-agent")),
                        true,
                        "{\"type\":\"ecs-sqs\",\"ignoreContainers\":[\"aws-otel-collector\",\"datadog-agent\"]}"),
                new Case(
                        new RuntimeSourceReplayed("ecs", "j_03", true),
                        "runtime-source.replayed",
                        "runtime-source/ecs",
                        Map.of("job", "j_03", "deadLetters", true),
                        false,
                        "{\"job\":\"j_03\",\"deadLetters\":true}"));
    }

    @Test
    void everyKindOfEventHasACase() {
        List<Class<?>> covered =
                cases().<Class<?>>map(c -> c.event().getClass()).distinct().toList();
        assertThat(covered).containsExactlyInAnyOrder(AuditEvent.class.getPermittedSubclasses());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aTypedEventIsWrittenAndHashedAsItsMapFormWas(Case c) {
        assertThat(c.event().action()).isEqualTo(c.action());
        assertThat(c.event().subject()).isEqualTo(c.subject());
        String written = json.writeValueAsString(c.event().details());
        String before = json.writeValueAsString(c.old());
        assertThat(written).isEqualTo(c.json());
        if (c.ordered()) {
            assertThat(written).isEqualTo(before);
        }
        assertThat(stored(written)).isEqualTo(stored(before));
        assertThat(hash(c.event().action(), c.event().subject(), written))
                .isEqualTo(hash(c.action(), c.subject(), before));
    }

    @Test
    void aChainWrittenWithTheMapFormsStillVerifiesAndTypedEventsExtendIt() {
        tx.executeWithoutResult(s -> cases().forEach(c -> recordTheOldWay("alice", c.action(), c.subject(), c.old())));
        long firstTyped = count() + 1;
        tx.executeWithoutResult(s -> cases().forEach(c -> audit.record("alice", c.event())));

        AuditChain.Result result = audit.verify();
        assertThat(result.ok()).as(String.valueOf(result.reason())).isTrue();
        assertThat(result.checked()).isEqualTo(count());

        // Each typed row carries the hash the old encoding computes over the same position in the chain.
        List<Case> all = cases().toList();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Case c = all.get(i);
            long seq = firstTyped + i;
            var row = jdbc.sql("select at, prev_hash, hash, request_id, details::text from audit_events where seq = ?")
                    .param(seq)
                    .query((rs, n) -> new Object[] {
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)
                    })
                    .single();
            String before = json.writeValueAsString(c.old());
            AuditRecord old = AuditChain.next(
                    seq - 1,
                    (String) row[1],
                    (Instant) row[0],
                    "alice",
                    c.action(),
                    c.subject(),
                    json.readValue(before, MAP),
                    (String) row[3]);
            if (!old.hash().equals(row[2]) || !stored(before).equals(row[4])) {
                mismatches.add(c.action());
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** What the old {@code AuditTrail.record(actor, action, subject, Map)} did, line for line. */
    private void recordTheOldWay(String actor, String action, String subject, Map<String, Object> details) {
        String detailsJson = json.writeValueAsString(details);
        Map<String, Object> normalised = json.readValue(detailsJson, MAP);
        jdbc.sql("select pg_advisory_xact_lock(?)")
                .param(0x6361_7461_7564_6974L)
                .query()
                .singleRow();
        var last = jdbc.sql("select seq, hash from audit_events order by seq desc limit 1")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .optional();
        long prevSeq = last.map(Map.Entry::getKey).orElse(0L);
        String prevHash = last.map(Map.Entry::getValue).orElse(AuditChain.GENESIS);
        AuditRecord e = AuditChain.next(prevSeq, prevHash, Instant.now(), actor, action, subject, normalised, null);
        jdbc.sql("""
        insert into audit_events (seq, at, actor, action, subject, details, request_id, prev_hash, hash)
        values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
        """)
                .params(
                        e.seq(),
                        Timestamp.from(e.at()),
                        e.actor(),
                        e.action(),
                        e.subject(),
                        detailsJson,
                        e.requestId(),
                        e.prevHash(),
                        e.hash())
                .update();
    }

    /** The details as the jsonb column stores (and gives back) them. */
    private String stored(String detailsJson) {
        return jdbc.sql("select cast(? as jsonb)::text")
                .param(detailsJson)
                .query(String.class)
                .single();
    }

    private String hash(String action, String subject, String detailsJson) {
        return AuditChain.next(6, PREV, AT, "alice", action, subject, json.readValue(detailsJson, MAP), "req-1")
                .hash();
    }

    private long count() {
        return jdbc.sql("select count(*) from audit_events").query(Long.class).single();
    }

    /** A LinkedHashMap from key, value pairs (values may be null), as the old call sites built them. */
    private static Map<String, Object> ordered(@Nullable Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
