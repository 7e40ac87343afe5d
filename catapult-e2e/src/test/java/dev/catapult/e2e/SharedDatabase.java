package dev.catapult.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server processes of these tests share: {@code CATAPULT_TEST_DATABASE_URL}'s server or an
 * embedded one for this JVM. Each test gets a database of its own on it.
 */
final class SharedDatabase {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static String adminUrl;
    private static String user = "postgres";
    private static String password = "";

    private SharedDatabase() {}

    /** Creates a fresh, empty database and returns its JDBC URL. */
    static synchronized String fresh() {
        if (adminUrl == null) {
            String external = System.getenv("CATAPULT_TEST_DATABASE_URL");
            if (external != null && !external.isBlank()) {
                adminUrl = external;
                user = System.getenv().getOrDefault("CATAPULT_TEST_DATABASE_USER", "postgres");
                password = System.getenv().getOrDefault("CATAPULT_TEST_DATABASE_PASSWORD", "");
            } else {
                try {
                    EmbeddedPostgres pg = EmbeddedPostgres.builder()
                            .setServerConfig("max_connections", "300")
                            .start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            pg.close();
                        } catch (IOException e) {
                            // exiting anyway
                        }
                    }));
                    adminUrl = pg.getJdbcUrl("postgres", "postgres");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        String name = "catapult_e2e_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    }

    static String user() {
        return user;
    }

    static String password() {
        return password;
    }
}
