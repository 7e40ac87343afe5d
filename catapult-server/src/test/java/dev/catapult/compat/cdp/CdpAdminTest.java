package dev.catapult.compat.cdp;

import static dev.catapult.compat.cdp.CatalogueSeed.digest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CdpAdminTest extends ServerTest {
    private CatalogueSeed seed;

    @BeforeEach
    void catalogue() {
        seed = new CatalogueSeed(jdbc);
        long r = seed.registry("local", "127.0.0.1:5999");
        seed.image(r, "shop/api", digest(1), "shop-api", null, Instant.now());
        seed.tag(r, "shop/api", "1.2.0", digest(1));
    }

    @Test
    void scanQueuesARescanOfTheTagInTheRegistryHoldingTheRepository() {
        Api.Response r = api.post("/compat/cdp/admin/scan?repo=shop/api&tag=1.2.0", "");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().propertyNames()).containsExactly("id", "kind", "status", "location");
        Map<String, Object> job =
                jdbc.sql("""
        select payload ->> 'registry' as registry, payload ->> 'repository' as repository, payload ->> 'tag' as tag
        from jobs where id = ?
        """).param(r.json().get("id").asString()).query().singleRow();
        assertThat(job)
                .containsEntry("registry", "local")
                .containsEntry("repository", "shop/api")
                .containsEntry("tag", "1.2.0");

        Api.Response withHost = api.post("/compat/cdp/admin/scan?repo=127.0.0.1:5999/shop/api&tag=1.3.0", "");
        assertThat(withHost.status()).as(withHost.raw()).isEqualTo(200);
    }

    @Test
    void scanNeedsRepoAndTagAndARegistryItCanTellApart() {
        assertThat(api.post("/compat/cdp/admin/scan?repo=shop/api", "").status())
                .isEqualTo(400);
        assertThat(api.post("/compat/cdp/admin/scan?tag=1.2.0", "").status()).isEqualTo(400);
        assertThat(api.post("/compat/cdp/admin/scan?repo=shop/new&tag=1.0.0", "")
                        .status())
                .as("the only registry")
                .isEqualTo(200);
        seed.registry("other", "127.0.0.1:5997");
        Api.Response ambiguous = api.post("/compat/cdp/admin/scan?repo=shop/new&tag=1.0.0", "");
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.detail()).contains("registry host");
    }

    @Test
    void backfillQueuesEveryRegistryOrTheNamedOne() {
        seed.registry("other", "127.0.0.1:5997");
        Api.Response all = api.post("/compat/cdp/admin/backfill", "");
        assertThat(all.status()).as(all.raw()).isEqualTo(200);
        assertThat(all.json().size()).isEqualTo(2);
        assertThat(all.json().get(0).propertyNames()).containsExactly("id", "kind", "status", "location");
        jdbc.sql("update jobs set status = 'succeeded'").update();
        Api.Response one = api.post("/compat/cdp/admin/backfill?registry=other", "");
        assertThat(one.json().size()).isEqualTo(1);
        assertThat(api.post("/compat/cdp/admin/backfill?registry=nope", "").status())
                .isEqualTo(404);
    }

    @Test
    void adminCommandsNeedTheAdminScope() {
        Api reader = api.as(tokenFor("reader", "service", "read"));
        assertThat(reader.post("/compat/cdp/admin/scan?repo=shop/api&tag=1.2.0", "")
                        .status())
                .isEqualTo(403);
        assertThat(reader.post("/compat/cdp/admin/backfill", "").status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from jobs").query(Long.class).single())
                .isZero();
    }
}
