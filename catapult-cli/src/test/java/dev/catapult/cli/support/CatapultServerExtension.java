package dev.catapult.cli.support;

import dev.catapult.client.ApiPath;
import dev.catapult.client.CatapultClient;
import dev.catapult.client.Json;
import dev.catapult.testkit.database.TestDatabase;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real Catapult server for the CLI's tests: started once per test JVM, in-process, on 127.0.0.1 against
 * the embedded PostgreSQL of {@link TestDatabase}; before each test every table is emptied, the admin account
 * bootstrapped with a fresh token, and a user {@code alice} (scope admin) made for the CLI to log in as. The
 * CLI talks to it through a {@link ServerTap}, which records what the CLI sent; {@link #api()} talks to it
 * directly, for seeding and for reading back what a command did.
 *
 * <p>Register with {@code @RegisterExtension static final CatapultServerExtension server = new …()}.
 */
public final class CatapultServerExtension implements BeforeEachCallback {

    private static Running running;

    private record Running(ConfigurableApplicationContext context, URI uri, ServerTap tap) {}

    private String adminToken;
    private String cliToken;
    private CatapultClient api;

    @Override
    public void beforeEach(ExtensionContext extension) {
        Running server = start();
        server.tap().reset();
        truncate(server.context().getBean(JdbcClient.class));
        adminToken = "cat_" + UUID.randomUUID().toString().replace("-", "");
        if (!Boolean.TRUE.equals(call(
                server.context().getBean(serverClass("dev.catapult.access.AccessControl")), "bootstrap", adminToken))) {
            throw new IllegalStateException("the emptied database still had an admin account");
        }
        api = new CatapultClient(server.uri(), adminToken);
        cliToken = tokenFor("alice", "admin");
    }

    /** Where the CLI connects: the tap in front of the server. */
    public String url() {
        return running.tap().url();
    }

    /** The token the CLI runs with (user {@code alice}, scope admin). */
    public String token() {
        return cliToken;
    }

    /** The admin's client, straight to the server (not recorded). */
    public CatapultClient api() {
        return api;
    }

    /** A user {@code name} with one token of these scopes; returns the token's secret. */
    public String tokenFor(String name, String... scopes) {
        String id = api.post(ApiPath.of("principals"), Map.of("name", name, "kind", "user"))
                .path("id")
                .asString();
        return api.post(ApiPath.of("principals", id, "tokens"), Map.of("name", "cli", "scopes", List.of(scopes)))
                .path("secret")
                .asString();
    }

    /** A bean of the running server, for state the API cannot produce on demand. */
    public <T> T bean(Class<T> type) {
        return running.context().getBean(type);
    }

    /** Every request the CLI sent in this test, in order. */
    public List<ServerTap.Recorded> requests() {
        return running.tap().requests();
    }

    public List<ServerTap.Recorded> requests(String method, String pathPrefix) {
        return requests().stream()
                .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
                .toList();
    }

    /** The body of the last matching request the CLI sent, read as {@code type}. */
    public <T> T lastSent(String method, String pathPrefix, Class<T> type) {
        return Json.mapper().readValue(requests(method, pathPrefix).getLast().body(), type);
    }

    /** Lists reach the CLI in pages of at most this many items, so pagination is exercised. */
    public void pageSize(int size) {
        running.tap().pageSize(size);
    }

    /** Runs {@code action} when the CLI sends a matching request, before the server sees it. */
    public void before(String method, String pathPrefix, Consumer<ServerTap.Recorded> action) {
        running.tap().before(method, pathPrefix, action);
    }

    /** Runs {@code action} when the server answered a matching request, before the CLI sees the answer. */
    public void after(
            String method, String pathPrefix, BiConsumer<ServerTap.Recorded, dev.catapult.client.RawResponse> action) {
        running.tap().after(method, pathPrefix, action);
    }

    private static synchronized Running start() {
        if (running == null) {
            // The CLI's slf4j-nop would make Spring Boot's Logback setup refuse to start; the CLI tests need no server
            // log.
            System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("catapult-cli-test-data");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // Arguments, not default properties: application.yml's own defaults would win over those.
            Map<String, String> settings = Map.of(
                    "server.port", "0",
                    "server.address", "127.0.0.1",
                    "catapult.database.url", TestDatabase.url(),
                    "catapult.database.user", TestDatabase.user(),
                    "catapult.database.password", TestDatabase.password(),
                    "catapult.data-dir", dataDir.toString(),
                    "catapult.deploys.poll-interval", "100ms",
                    "catapult.jobs.poll-interval", "100ms",
                    "catapult.registry.poll-check", "1h",
                    // No test waits for the periodic re-evaluation of watched targets; it would only race them.
                    "catapult.watch.sweep", "1h");
            ConfigurableApplicationContext context = new SpringApplicationBuilder(
                            serverClass("dev.catapult.CatapultServer"))
                    .run(settings.entrySet().stream()
                            .map(e -> "--" + e.getKey() + "=" + e.getValue())
                            .toArray(String[]::new));
            String port = context.getEnvironment().getProperty("local.server.port");
            URI uri = URI.create("http://127.0.0.1:" + port);
            running = new Running(context, uri, new ServerTap(uri));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                running.tap().close();
                context.close();
            }));
        }
        return running;
    }

    /**
     * The server's classes are named, not imported: once catapult-server is packaged, the reactor compiles
     * against its Spring Boot jar, whose classes sit under BOOT-INF/ where javac does not look (surefire puts
     * the compiled classes on the test run's class path, see the pom).
     */
    private static Class<?> serverClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("catapult-server's classes are not on the test class path", e);
        }
    }

    private static Object call(Object target, String method, String argument) {
        try {
            return target.getClass().getMethod(method, String.class).invoke(target, argument);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot call " + method + " on " + target.getClass().getName(), e);
        }
    }

    /**
     * Empties the tables as the server's own tests do. The server's background workers keep querying meanwhile,
     * and TRUNCATE takes its locks table by table, so PostgreSQL may pick it as a deadlock victim: then again.
     */
    private static void truncate(JdbcClient jdbc) {
        List<String> tables = jdbc.sql("""
        select tablename from pg_tables where schemaname = current_schema() and tablename <> 'flyway_schema_history'
        """).query(String.class).list();
        jdbc.sql("alter table audit_events disable trigger audit_events_no_truncate")
                .update();
        try {
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
        } finally {
            jdbc.sql("alter table audit_events enable trigger audit_events_no_truncate")
                    .update();
        }
    }
}
