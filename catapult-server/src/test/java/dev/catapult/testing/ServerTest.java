package dev.catapult.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.access.AccessControl;
import dev.catapult.testkit.database.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the server's integration tests: the real application on a random port against real PostgreSQL,
 * every table emptied before each test and the admin account bootstrapped again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServerTest {
    public static final String ADMIN_TOKEN = "cat_test-admin-token-0123456789";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected AccessControl access;

    protected Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("catapult.database.url", TestDatabase::url);
        registry.add("catapult.database.user", TestDatabase::user);
        registry.add("catapult.database.password", TestDatabase::password);
        // The minute's level-triggered sweep would evaluate watches at moments no test chooses, overwriting the
        // evaluation a test waits for; tests that need a sweep call WatchEvaluations.sweep() themselves.
        registry.add("catapult.watch.sweep", () -> "1h");
        registry.add(
                "catapult.data-dir",
                () -> Path.of(System.getProperty("java.io.tmpdir"), "catapult-test-data")
                        .toString());
        registry.add("catapult.bootstrap-token", () -> ADMIN_TOKEN);
        registry.add("catapult.deploys.poll-interval", () -> "100ms");
        registry.add("catapult.deploys.lease", () -> "5s");
        registry.add("CATAPULT_TEST_WEBHOOK_SECRET", () -> "s3cret-for-tests");
        registry.add("catapult.jobs.poll-interval", () -> "100ms");
        // Tests run poll cycles themselves (RegistryPoller.poll), so request counts are exact.
        registry.add("catapult.registry.poll-check", () -> "1h");
    }

    @BeforeEach
    void resetDatabase() {
        List<String> tables = jdbc.sql("""
        select tablename from pg_tables where schemaname = current_schema() and tablename <> 'flyway_schema_history'
        """).query(String.class).list();
        jdbc.sql("alter table audit_events disable trigger audit_events_no_truncate")
                .update();
        truncate(tables);
        jdbc.sql("alter table audit_events enable trigger audit_events_no_truncate")
                .update();
        assertThat(access.bootstrap(ADMIN_TOKEN)).isTrue();
        api = new Api("http://127.0.0.1:" + port, ADMIN_TOKEN);
    }

    /**
     * Empties the tables. The server's background workers keep querying meanwhile, and TRUNCATE takes its
     * locks table by table, so PostgreSQL may pick this statement as a deadlock victim: then try again.
     */
    private void truncate(List<String> tables) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.sql("truncate " + String.join(", ", tables) + " restart identity cascade")
                        .update();
                return;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** A name unique within the test run. */
    protected static String unique(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet();
    }

    /** A 40-hex commit id made from {@code n}. */
    protected static String sha(int n) {
        return String.format("%040x", n);
    }

    /** A digest reference in {@code repo}. */
    protected static String digestRef(String repo, int n) {
        return repo + "@sha256:" + String.format("%064x", n);
    }

    /** Creates a principal with a token carrying {@code scopes}; returns the token secret. */
    protected String tokenFor(String name, String kind, String... scopes) {
        Api.Response p = api.post("/api/v1/principals", Api.map("name", name, "kind", kind));
        assertThat(p.status()).as(p.raw()).isEqualTo(201);
        Api.Response t = api.post(
                "/api/v1/principals/" + p.json().get("id").asString() + "/tokens",
                Api.map("name", "t", "scopes", List.of(scopes)));
        assertThat(t.status()).as(t.raw()).isEqualTo(201);
        return t.json().get("secret").asString();
    }
}
