package dev.catapult.testkit.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One PostgreSQL per test JVM: the server named by {@code CATAPULT_TEST_DATABASE_URL} (with
 * {@code CATAPULT_TEST_DATABASE_USER}/{@code _PASSWORD}), or else an embedded one started on first use and
 * stopped when the JVM exits. In-process tests use its {@link #url()} database; tests that start server
 * processes give each a {@link #fresh()} database of its own on the same server.
 */
public final class TestDatabase {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static @Nullable String url;
    private static String user = "postgres";
    private static String password = "";

    private TestDatabase() {}

    /** The JDBC URL of the shared database. */
    public static synchronized String url() {
        if (url == null) {
            url = connect();
        }
        return url;
    }

    public static synchronized String user() {
        url();
        return user;
    }

    public static synchronized String password() {
        url();
        return password;
    }

    /** Creates a new, empty database on the same server and returns its JDBC URL. */
    public static String fresh() {
        String admin = url();
        String name = "catapult_test_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
        try (Connection c = DriverManager.getConnection(admin, user(), password());
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        int slash = admin.lastIndexOf('/');
        int query = admin.indexOf('?', slash);
        return admin.substring(0, slash + 1) + name + (query < 0 ? "" : admin.substring(query));
    }

    private static String connect() {
        String external = System.getenv("CATAPULT_TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            user = envOr("CATAPULT_TEST_DATABASE_USER", "postgres");
            password = envOr("CATAPULT_TEST_DATABASE_PASSWORD", "");
            return external;
        }
        try {
            // Several server processes (each with its own pool) may share it in the end-to-end tests.
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    // the JVM is exiting; nothing left to do
                }
            }));
            return pg.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
