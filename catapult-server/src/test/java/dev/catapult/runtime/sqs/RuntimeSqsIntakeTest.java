package dev.catapult.runtime.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.runtime.RuntimeSourceRecord;
import dev.catapult.runtime.RuntimeSources;
import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * ECS events delivered through a real SQS-compatible queue (ElasticMQ, in-process) to the real server:
 * the documented sample events, redelivered, reordered, duplicated and malformed.
 */
@TestPropertySource(properties = "catapult.runtime.poll-interval=1h") // the test drives receive cycles itself
class RuntimeSqsIntakeTest extends ServerTest {
    private static final String ACCOUNT = "111122223333";
    private static final String REPOSITORY = "111122223333.dkr.ecr.us-west-2.amazonaws.com/hello-repository";
    private static final String DIGEST = "sha256:74b2c688c700ec95a93e478cdb959737c148df3fbf5ea706abe0318726e885e6";
    private static final String TASK_ARN =
            "arn:aws:ecs:us-west-2:111122223333:task/FargateCluster/c13b4cb40f1f4fe4a2971f76ae5a47ad";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ElasticMq sqs;

    @Autowired
    SqsRuntimePoller poller;

    @Autowired
    RuntimeSources sources;

    private String queueUrl;
    private String source;

    @BeforeAll
    static void startSqs() throws Exception {
        sqs = ElasticMq.start();
        System.setProperty("RUNTIME_TEST_SQS_KEY", "test-key");
        System.setProperty("RUNTIME_TEST_SQS_SECRET", "test-secret");
    }

    @AfterAll
    static void stopSqs() {
        sqs.close();
    }

    /** An ecs-sqs source named {@code name} reading {@code queue} on the ElasticMQ, with the test credentials. */
    private Map<String, Object> ecsSqsSource(String name, String queue) {
        return Api.map(
                "name",
                name,
                "type",
                "ecs-sqs",
                "queueUrl",
                queue,
                "region",
                ElasticMq.REGION,
                "endpoint",
                sqs.endpoint(),
                "accessKeyEnv",
                "RUNTIME_TEST_SQS_KEY",
                "secretKeyEnv",
                "RUNTIME_TEST_SQS_SECRET");
    }

    @BeforeEach
    void environmentAppAndSource() {
        queueUrl = sqs.createQueue(unique("ecs-events"), 2);
        source = unique("ecs");
        created(api.post("/api/v1/environments", Api.map("name", "prod", "rank", 30, "accounts", List.of(ACCOUNT))));
        // The app is named like the ECS service of the deployment samples, so their rollouts are its rollouts.
        created(api.post("/api/v1/apps", Api.map("name", "servicetest", "image", REPOSITORY)));
        Api.Response s = api.post("/api/v1/runtime-sources", ecsSqsSource(source, queueUrl));
        created(s);
        assertThat(s.json().get("ignoreContainers").toString())
                .contains("log_router", "aws-for-fluent-bit", "cwagent", "xray-daemon");
    }

    @Test
    void theSampleEventsProduceARunningInstanceAndARollout() {
        send(EcsFixtures.TASK_RUNNING, EcsFixtures.DEPLOYMENT_IN_PROGRESS);

        JsonNode instance = onlyInstance();
        assertThat(instance.get("app").asString()).isEqualTo("servicetest");
        assertThat(instance.get("environment").asString()).isEqualTo("prod");
        assertThat(instance.get("container").asString()).isEqualTo("FargateApp");
        assertThat(instance.get("repository").asString()).isEqualTo(REPOSITORY);
        assertThat(instance.get("tag").asString()).isEqualTo("latest");
        assertThat(instance.get("digest").asString()).isEqualTo(DIGEST);
        assertThat(instance.get("status").asString()).isEqualTo("running");
        assertThat(instance.get("version").asLong()).isEqualTo(4);
        JsonNode entry = onlyEntry();
        assertThat(entry.get("running").asInt()).isEqualTo(1);
        assertThat(entry.get("versions").get(0).get("digest").asString()).isEqualTo(DIGEST);
        assertThat(entry.get("versions").get(0).get("since").asString()).isEqualTo("2020-01-23T17:57:58.103Z");
        assertThat(entry.get("rollout").get("state").asString()).isEqualTo("in_progress");
        assertThat(entry.get("rollout").get("rollback").asBoolean()).isFalse();
        assertThat(sqs.remaining(queueUrl)).isZero();
    }

    @Test
    void redeliveredReorderedAndDuplicatedEventsChangeNothing() {
        String newer = task(6, "RUNNING", null);
        send(newer, EcsFixtures.TASK_RUNNING, newer, EcsFixtures.TASK_RUNNING);

        assertThat(onlyInstance().get("version").asLong()).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from runtime_events")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select outcome from runtime_events order by id")
                        .query(String.class)
                        .list())
                .satisfiesExactly(
                        o -> assertThat(o).startsWith("applied"),
                        o -> assertThat(o).startsWith("unchanged: stale"));
        assertThat(onlyEntry().get("running").asInt()).isEqualTo(1);
    }

    @Test
    void aMalformedMessageIsDeadLetteredAndTheGoodOneBehindItIsProcessed() {
        String truncatedDigest = EcsFixtures.TASK_RUNNING
                .replace(DIGEST, "sha256:7f5b2640fe6fb4f46592dfd3410c4a79dac4f89e4782432e0378abcd1234")
                .replace("3317b2af-7005-947d-b652-f55e762e571a", "bad-digest");
        send("this is not json", truncatedDigest, EcsFixtures.TASK_RUNNING);

        Api.Response dead = api.get("/api/v1/runtime-sources/" + source + "/dead-letters");
        assertThat(dead.status()).as(dead.raw()).isEqualTo(200);
        List<String> reasons = dead.json()
                .get("items")
                .valueStream()
                .map(d -> d.get("reason").asString())
                .toList();
        assertThat(reasons).hasSize(2);
        assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("the message is not JSON"));
        assertThat(reasons)
                .anySatisfy(r -> assertThat(r).contains("imageDigest").contains("64 lower-case hex"));
        assertThat(onlyInstance().get("status").asString()).isEqualTo("running");
        assertThat(sqs.remaining(queueUrl)).isZero();
    }

    @Test
    void aMessageThatKeepsFailingIsRetriedThenDeadLetteredWithTheLastError() throws InterruptedException {
        // A failure that is not the event's fault: the database refuses this one task (a trigger stands in for,
        // say, a constraint a future event might break).
        jdbc.sql("""
        create or replace function refuse_poison() returns trigger language plpgsql as $$
        begin if new.task_arn like '%poison%' then raise exception 'refusing %', new.task_arn; end if; return new; end $$
        """).update();
        jdbc.sql(
                        "create trigger refuse_poison before insert on instances for each row execute function refuse_poison()")
                .update();
        try {
            String poison = EcsFixtures.TASK_RUNNING
                    .replace("c13b4cb40f1f4fe4a2971f76ae5a47ad", "poison")
                    .replace("3317b2af-7005-947d-b652-f55e762e571a", "poison-1");
            String retryQueue = sqs.createQueue(unique("retries"), 1);
            created(api.post("/api/v1/runtime-sources", ecsSqsSource(source + "-r", retryQueue)));
            RuntimeSourceRecord retrying = sources.find(source + "-r");
            sqs.send(retryQueue, poison);
            int receives = 0;
            Instant deadline = Instant.now().plusSeconds(30);
            while (sqs.remaining(retryQueue) > 0 && Instant.now().isBefore(deadline)) {
                receives += poller.poll(retrying).received();
                Thread.sleep(200);
            }
            assertThat(sqs.remaining(retryQueue)).isZero();
            assertThat(receives).isEqualTo(5); // catapult.runtime.max-receives default
            JsonNode letter = api.get("/api/v1/runtime-sources/" + source + "-r/dead-letters")
                    .json()
                    .get("items")
                    .get(0);
            assertThat(letter.get("reason").asString())
                    .startsWith("failed on 5 receives; last error:")
                    .contains("refusing");
            assertThat(jdbc.sql("select count(*) from runtime_events")
                            .query(Long.class)
                            .single())
                    .isZero();
        } finally {
            jdbc.sql("drop trigger refuse_poison on instances").update();
        }
    }

    @Test
    void aStoppedTaskDropsOutOfWhatsRunningWhere() {
        send(EcsFixtures.TASK_RUNNING, task(5, "STOPPED", "Essential container in task exited"));

        JsonNode instance = onlyInstance();
        assertThat(instance.get("status").asString()).isEqualTo("stopped");
        assertThat(instance.get("stoppedReason").asString()).isEqualTo("Essential container in task exited");
        assertThat(api.get("/api/v1/whats-running-where").json().get("items").size())
                .isZero();
    }

    @Test
    void aFailedRolloutShowsFailed() {
        send(
                EcsFixtures.TASK_RUNNING,
                EcsFixtures.DEPLOYMENT_IN_PROGRESS,
                EcsFixtures.DEPLOYMENT_FAILED,
                EcsFixtures.DEPLOYMENT_IN_PROGRESS);

        JsonNode rollout = onlyEntry().get("rollout");
        assertThat(rollout.get("deploymentId").asString()).isEqualTo("ecs-svc/123");
        assertThat(rollout.get("state").asString()).isEqualTo("failed");
        assertThat(rollout.get("reason").asString()).isEqualTo("ECS deployment circuit breaker: task failed to start.");
    }

    @Test
    void aCircuitBreakerRollbackShowsAsSuch() {
        send(EcsFixtures.TASK_RUNNING, EcsFixtures.DEPLOYMENT_ROLLBACK);

        JsonNode rollout = onlyEntry().get("rollout");
        assertThat(rollout.get("rollback").asBoolean()).isTrue();
        assertThat(rollout.get("state").asString()).isEqualTo("in_progress");
    }

    @Test
    void aSidecarDoesNotDecideTheVersion() {
        ObjectNode event = (ObjectNode) JSON.readTree(task(7, "RUNNING", null));
        ObjectNode sidecar = ((ObjectNode) event.get("detail").get("containers").get(0)).deepCopy();
        sidecar.put("name", "log_router")
                .put("image", "amazon/aws-for-fluent-bit:stable")
                .remove("imageDigest");
        ((tools.jackson.databind.node.ArrayNode) event.get("detail").get("containers")).insert(0, sidecar);
        send(JSON.writeValueAsString(event));

        assertThat(onlyInstance().get("container").asString()).isEqualTo("FargateApp");
    }

    @Test
    void whatsRunningWhereSaysWhoDeployedTheDigest() throws InterruptedException {
        created(api.post(
                "/api/v1/apps/servicetest/releases", Api.map("commit", sha(1), "image", REPOSITORY + "@" + DIGEST)));
        Api.Response deploy = api.post("/api/v1/apps/servicetest/deploys", Api.map("environment", "prod"));
        assertThat(deploy.status()).as(deploy.raw()).isEqualTo(202);
        String id = deploy.json().get("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!api.get("/api/v1/deploys/" + id).json().get("status").asString().equals("succeeded")
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }

        send(EcsFixtures.TASK_RUNNING);

        JsonNode version = onlyEntry().get("versions").get(0);
        assertThat(version.get("version").asLong()).isEqualTo(1);
        assertThat(version.get("deployId").asString()).isEqualTo(id);
        assertThat(version.get("deployedBy").asString()).isNotBlank();
    }

    /** The sample task event at another version and status (a new event id, as ECS would send). */
    private static String task(long version, String status, String stoppedReason) {
        ObjectNode event = (ObjectNode) JSON.readTree(EcsFixtures.TASK_RUNNING);
        event.put("id", "3317b2af-" + version + "-" + status);
        ObjectNode detail = (ObjectNode) event.get("detail");
        detail.put("version", version).put("lastStatus", status);
        if (stoppedReason != null) {
            detail.put("desiredStatus", "STOPPED").put("stoppedReason", stoppedReason);
        }
        return JSON.writeValueAsString(event);
    }

    /** Sends the bodies in order and receives until the queue is empty, one message per receive to keep the order. */
    private void send(String... bodies) {
        RuntimeSourceRecord s = sources.find(source);
        for (String body : bodies) {
            sqs.send(queueUrl, body);
            SqsRuntimePoller.Batch batch = poller.poll(s);
            assertThat(batch.received()).isEqualTo(1);
            assertThat(batch.leftForRedelivery()).isZero();
        }
    }

    private JsonNode onlyInstance() {
        Api.Response r = api.get("/api/v1/instances?app=servicetest&environment=prod");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().get("items").size()).as(r.raw()).isEqualTo(1);
        JsonNode i = r.json().get("items").get(0);
        assertThat(i.get("taskArn").asString()).isEqualTo(TASK_ARN);
        return i;
    }

    private JsonNode onlyEntry() {
        Api.Response r = api.get("/api/v1/whats-running-where?service=servicetest");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().get("items").size()).as(r.raw()).isEqualTo(1);
        return r.json().get("items").get(0);
    }

    private static void created(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }
}
