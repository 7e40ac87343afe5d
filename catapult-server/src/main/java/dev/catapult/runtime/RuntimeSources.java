package dev.catapult.runtime;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.audit.AuditTrail;
import dev.catapult.audit.RuntimeSourceCreated;
import dev.catapult.audit.RuntimeSourceReplayed;
import dev.catapult.common.Conflict;
import dev.catapult.common.InvalidInput;
import dev.catapult.common.NotFound;
import dev.catapult.job.JobQueue;
import dev.catapult.job.JobView;
import dev.catapult.platform.PageRequest;
import dev.catapult.platform.Slice;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where runtime events come from. Credentials are only ever names of variables the server resolves;
 * dead letters are the messages of a source that could not be processed, with the reason.
 */
@Service
public class RuntimeSources {
    private static final List<String> TYPES = List.of("ecs-sqs", "webhook", "docker");
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    private static final Pattern ENV = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.]{0,127}$");
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-[0-9]$");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final JobQueue jobs;

    RuntimeSources(JdbcClient jdbc, AuditTrail audit, Clock clock, JobQueue jobs) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.jobs = jobs;
    }

    /**
     * Starts replaying {@code name}'s event archive (see {@code RuntimeReplay}); one replay per source at a
     * time — asking again while one is queued or running returns that one.
     */
    @Transactional
    public JobView replay(Actor actor, String name, boolean deadLetters) {
        actor.grants().require(Permission.admin());
        find(name);
        String id = jobs.enqueue(
                RuntimeReplay.JOB, "runtime-replay:" + name, new ReplayRuntimeEvents(name, deadLetters), 5);
        audit.record(actor.name(), new RuntimeSourceReplayed(name, id, deadLetters));
        return jobs.get(id);
    }

    @Transactional
    public RuntimeSourceRecord create(Actor actor, NewRuntimeSource req) {
        actor.grants().require(Permission.admin());
        validate(req);
        Sidecars sidecars = Sidecars.of(req.ignoreContainers());
        int inserted = jdbc.sql("""
        insert into runtime_sources (name, type, queue_url, region, endpoint, access_key_env, secret_key_env, secret_env,
          ignore_containers, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (name) do nothing
        """)
                .params(
                        req.name(),
                        req.type(),
                        req.queueUrl(),
                        req.region(),
                        req.endpoint(),
                        req.accessKeyEnv(),
                        req.secretKeyEnv(),
                        req.secretEnv(),
                        req.ignoreContainers() == null
                                ? null
                                : req.ignoreContainers().toArray(String[]::new),
                        Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            throw new Conflict("a runtime source named '" + req.name() + "' already exists");
        }
        audit.record(
                actor.name(),
                new RuntimeSourceCreated(
                        // validate() refused a missing name or type
                        Objects.requireNonNull(req.name()),
                        Objects.requireNonNull(req.type()),
                        sidecars.names().stream().sorted().toList()));
        return find(Objects.requireNonNull(req.name()));
    }

    @Transactional(readOnly = true)
    public List<RuntimeSourceRecord> all() {
        return jdbc.sql("select * from runtime_sources order by name")
                .query(RuntimeSources::record)
                .list();
    }

    @Transactional(readOnly = true)
    public RuntimeSourceRecord find(String name) {
        return jdbc.sql("select * from runtime_sources where name = ?")
                .param(name)
                .query(RuntimeSources::record)
                .optional()
                .orElseThrow(() -> new NotFound("runtime source '" + name + "' not found"));
    }

    /** Keeps a message that can never be processed; its own transaction, so the failed intake leaves no trace. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void deadLetter(RuntimeSourceRecord source, @Nullable String messageId, String body, String reason) {
        jdbc.sql(
                        "insert into runtime_dead_letters (source_id, message_id, body, reason, received_at) values (?, ?, ?, ?, ?)")
                .params(source.id(), messageId, body, reason, Timestamp.from(clock.instant()))
                .update();
    }

    @Transactional(readOnly = true)
    public Slice<RuntimeDeadLetter> deadLetters(String name, PageRequest page) {
        RuntimeSourceRecord s = find(name);
        var fetched = page.page(
                jdbc.sql("select * from runtime_dead_letters where source_id = ? and id < ? order by id desc limit ?")
                        .params(s.id(), page.afterAsLong(), page.limit() + 1)
                        .query((rs, n) -> new RuntimeDeadLetter(
                                rs.getLong("id"),
                                rs.getString("message_id"),
                                rs.getString("reason"),
                                rs.getString("body"),
                                rs.getTimestamp("received_at").toInstant()))
                        .list(),
                RuntimeDeadLetter::id);
        return new Slice<>(fetched.items(), fetched.nextCursor());
    }

    private static void validate(NewRuntimeSource req) {
        if (req.name() == null || !NAME.matcher(req.name()).matches()) {
            throw new InvalidInput("name", "runtime source names match " + NAME.pattern());
        }
        if (req.type() == null || !TYPES.contains(req.type())) {
            throw new InvalidInput("type", "must be ecs-sqs, webhook or docker");
        }
        if (req.type().equals("webhook") && req.secretEnv() == null) {
            throw new InvalidInput(
                    "secretEnv", "webhook sources need the name of the server variable holding their HMAC secret");
        }
        if (!req.type().equals("webhook") && req.secretEnv() != null) {
            throw new InvalidInput("secretEnv", "only webhook sources are signed");
        }
        if (!req.type().equals("ecs-sqs")) {
            for (String[] f : new String[][] {
                {"queueUrl", req.queueUrl()},
                {"region", req.region()},
                {"accessKeyEnv", req.accessKeyEnv()},
                {"secretKeyEnv", req.secretKeyEnv()}
            }) {
                if (f[1] != null) {
                    throw new InvalidInput(f[0], "only ecs-sqs sources have one");
                }
            }
        }
        if (req.type().equals("webhook") && req.endpoint() != null) {
            throw new InvalidInput("endpoint", "webhook sources receive events; they have no endpoint");
        }
        if (req.type().equals("ecs-sqs")) {
            if (req.queueUrl() == null || !isHttpUrl(req.queueUrl())) {
                throw new InvalidInput(
                        "queueUrl",
                        "ecs-sqs sources need the queue's URL, e.g. https://sqs.eu-west-1.amazonaws.com/123456789012/ecs-events");
            }
            if (req.region() == null || !REGION.matcher(req.region()).matches()) {
                throw new InvalidInput("region", "ecs-sqs sources need an AWS region such as eu-west-1");
            }
            if ((req.accessKeyEnv() == null) != (req.secretKeyEnv() == null)) {
                throw new InvalidInput(
                        "secretKeyEnv", "give both accessKeyEnv and secretKeyEnv, or neither (default credentials)");
            }
        }
        if (req.type().equals("docker")) {
            if (req.endpoint() != null && !isDockerHost(req.endpoint())) {
                throw new InvalidInput("endpoint", "a Docker host: unix:///var/run/docker.sock or tcp://host:2375");
            }
        } else if (req.endpoint() != null && !isHttpUrl(req.endpoint())) {
            throw new InvalidInput("endpoint", "is not an http(s) URL");
        }
        for (String[] env : new String[][] {
            {"accessKeyEnv", req.accessKeyEnv()}, {"secretKeyEnv", req.secretKeyEnv()}, {"secretEnv", req.secretEnv()}
        }) {
            if (env[1] != null && !ENV.matcher(env[1]).matches()) {
                throw new InvalidInput(env[0], "names a variable of the server, e.g. CATAPULT_SQS_ACCESS_KEY");
            }
        }
    }

    private static boolean isDockerHost(String text) {
        try {
            URI u = URI.create(text);
            return ("unix".equals(u.getScheme())
                            && u.getPath() != null
                            && u.getPath().startsWith("/"))
                    || ("tcp".equals(u.getScheme())
                            && u.getHost() != null
                            && u.getPort() > 0
                            && u.getUserInfo() == null);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI u = URI.create(text);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null
                    && u.getUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static RuntimeSourceRecord record(ResultSet rs, int n) throws SQLException {
        Array ignore = rs.getArray("ignore_containers");
        Sidecars sidecars = Sidecars.of(ignore == null ? null : Arrays.asList((String[]) ignore.getArray()));
        return new RuntimeSourceRecord(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("type"),
                rs.getString("queue_url"),
                rs.getString("region"),
                rs.getString("endpoint"),
                rs.getString("access_key_env"),
                rs.getString("secret_key_env"),
                rs.getString("secret_env"),
                sidecars,
                rs.getTimestamp("created_at").toInstant());
    }
}
