package dev.catapult.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One PostgreSQL per test JVM: the server named by {@code CATAPULT_TEST_DATABASE_URL} (with
 * {@code CATAPULT_TEST_DATABASE_USER}/{@code _PASSWORD}), or else an embedded one started on first use and
 * stopped when the JVM exits.
 */
public final class TestDatabase {
    private static String url;
    private static String user;
    private static String password;

    private TestDatabase() {}

    public static synchronized String url() {
        if (url == null) {
            String external = System.getenv("CATAPULT_TEST_DATABASE_URL");
            if (external != null && !external.isBlank()) {
                url = external;
                user = envOr("CATAPULT_TEST_DATABASE_USER", "postgres");
                password = envOr("CATAPULT_TEST_DATABASE_PASSWORD", "");
            } else {
                try {
                    EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            pg.close();
                        } catch (IOException e) {
                            // the JVM is exiting; nothing left to do
                        }
                    }));
                    url = pg.getJdbcUrl("postgres", "postgres");
                    user = "postgres";
                    password = "";
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
                }
            }
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

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
