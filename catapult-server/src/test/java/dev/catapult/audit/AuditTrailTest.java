package dev.catapult.audit;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** I2: one event per accepted mutation, hash-chained and append-only; verify pinpoints tampering. */
class AuditTrailTest extends ServerTest {

    @BeforeEach
    void someHistory() {
        api.post("/api/v1/environments", map("name", "dev", "rank", 10));
        api.post("/api/v1/apps", map("name", "shop", "image", "127.0.0.1:5000/shop/api"));
        for (int i = 1; i <= 3; i++) {
            api.post("/api/v1/apps/shop/releases", map("commit", sha(i), "noImage", true));
        }
    }

    @Test
    void everyAcceptedMutationHasOneEventAndRefusedOnesNone() {
        long before = count();
        api.post("/api/v1/apps/shop/releases", map("commit", "bad", "noImage", true));
        api.post("/api/v1/apps", map("name", "shop", "image", "127.0.0.1:5000/shop/api"));
        assertThat(count()).isEqualTo(before);
        api.post("/api/v1/apps/shop/releases", map("commit", sha(9), "noImage", true));
        assertThat(count()).isEqualTo(before + 1);
        JsonNode latest = api.get("/api/v1/audit?limit=1").json().get("items").get(0);
        assertThat(latest.get("action").asString()).isEqualTo("release.created");
        assertThat(latest.get("subject").asString()).isEqualTo("app/shop/release/4");
        assertThat(latest.get("actor").asString()).isEqualTo("admin");
        assertThat(latest.get("requestId").asString()).isNotBlank();
    }

    @Test
    void auditIsFilterableAndPaged() {
        JsonNode byAction = api.get("/api/v1/audit?action=release.created").json();
        assertThat(byAction.get("items")).hasSize(3);
        JsonNode bySubject = api.get("/api/v1/audit?subject=app/shop").json();
        assertThat(bySubject.get("items").findValuesAsString("action")).contains("app.created", "release.created");
        JsonNode page = api.get("/api/v1/audit?limit=2").json();
        assertThat(page.get("items")).hasSize(2);
        JsonNode next = api.get(
                        "/api/v1/audit?limit=2&cursor=" + page.get("nextCursor").asString())
                .json();
        assertThat(next.get("items").get(0).get("seq").asLong())
                .isEqualTo(page.get("items").get(1).get("seq").asLong() - 1);
    }

    @Test
    void anIntactChainVerifies() {
        JsonNode v = api.get("/api/v1/audit/verify").json();
        assertThat(v.get("ok").asBoolean()).isTrue();
        assertThat(v.get("checked").asLong()).isEqualTo(count());
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletes() {
        assertThatThrownBy(() -> jdbc.sql("update audit_events set actor = 'mallory' where seq = 2")
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(
                        () -> jdbc.sql("delete from audit_events where seq = 2").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void verifyNamesTheFirstAlteredEvent() {
        tamper("update audit_events set details = jsonb_set(details, '{commit}', '\"" + sha(66) + "\"') where seq = 4");
        Api.Response r = api.get("/api/v1/audit/verify");
        assertThat(r.json().get("ok").asBoolean()).isFalse();
        assertThat(r.json().get("firstBadSeq").asLong()).isEqualTo(4);
        assertThat(r.json().get("checked").asLong()).isEqualTo(3);
    }

    @Test
    void verifyNamesAMissingEvent() {
        tamper("delete from audit_events where seq = 3");
        JsonNode v = api.get("/api/v1/audit/verify").json();
        assertThat(v.get("ok").asBoolean()).isFalse();
        assertThat(v.get("firstBadSeq").asLong()).isEqualTo(3);
        assertThat(v.get("reason").asString()).contains("missing");
    }

    @Test
    void verifyNamesARewrittenChain() {
        tamper("update audit_events set actor = 'mallory', hash = repeat('a', 64) where seq = 2");
        assertThat(api.get("/api/v1/audit/verify").json().get("firstBadSeq").asLong())
                .isEqualTo(2);
    }

    private void tamper(String sql) {
        jdbc.sql("alter table audit_events disable trigger audit_events_no_update")
                .update();
        try {
            jdbc.sql(sql).update();
        } finally {
            jdbc.sql("alter table audit_events enable trigger audit_events_no_update")
                    .update();
        }
    }

    private long count() {
        return jdbc.sql("select count(*) from audit_events").query(Long.class).single();
    }
}
