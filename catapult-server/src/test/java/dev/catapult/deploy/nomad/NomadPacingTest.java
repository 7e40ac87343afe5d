package dev.catapult.deploy.nomad;

import static dev.catapult.deploy.nomad.NomadFixtures.IMAGE;
import static dev.catapult.deploy.nomad.NomadFixtures.NOW;
import static dev.catapult.deploy.nomad.NomadFixtures.settings;
import static dev.catapult.deploy.nomad.NomadFixtures.task;
import static dev.catapult.deploy.nomad.NomadStandIn.DEPLOYMENT_ID;
import static dev.catapult.deploy.nomad.NomadStandIn.EVAL_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.deploy.DispatchOutcome;
import dev.catapult.deploy.nomad.NomadStandIn.Step;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Waiting, retrying and giving up: blocking queries, back-off, timeouts, deadlines and interrupts. */
class NomadPacingTest {
    private final NomadFixtures f = new NomadFixtures();
    private final NomadStandIn nomad = NomadStandIn.start();

    @AfterEach
    void stop() {
        nomad.close();
    }

    @Test
    void slowEvaluationIsAwaitedWithBlockingQueriesNotRepeatedReads() throws Exception {
        nomad.evaluation(Step.of("pending", "", Duration.ofMillis(1500)), Step.of("complete", ""));

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(outcome).isInstanceOf(DispatchOutcome.Succeeded.class);
        List<NomadStandIn.Seen> reads = nomad.seen("GET", "/v1/evaluation/" + EVAL_ID);
        assertThat(reads).hasSizeBetween(2, 3);
        assertThat(reads.get(1).query()).containsEntry("index", "35").containsKey("wait");
    }

    @Test
    void serverThatIgnoresBlockingQueriesIsReadWithBackOffNotInABusyLoop() throws Exception {
        nomad.notBlocking().evaluation(Step.of("pending", "", Duration.ofMillis(1200)), Step.of("complete", ""));

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(outcome).isInstanceOf(DispatchOutcome.Succeeded.class);
        List<NomadStandIn.Seen> reads = nomad.seen("GET", "/v1/evaluation/" + EVAL_ID);
        // 250 ms, 500 ms, 1 s apart: the fourth read sees it complete.
        assertThat(reads).hasSizeBetween(3, 5);
        for (int i = 1; i < reads.size(); i++) {
            assertThat(Duration.ofNanos(
                            reads.get(i).atNanos() - reads.get(i - 1).atNanos()))
                    .isGreaterThan(Duration.ofMillis(200));
        }
    }

    @Test
    void deploymentThatNeverFinishesTimesOutWithinTheTargetsTimeout() throws Exception {
        nomad.evaluation(Step.of("complete", "").with("DeploymentID", DEPLOYMENT_ID))
                .deployment(Step.of("running", "Deployment is running but requires manual promotion"));

        long start = System.nanoTime();
        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url(), "web", Duration.ofSeconds(2))));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(outcome)
                .isEqualTo(new DispatchOutcome.Failed(
                        "timed out after 2s waiting for deployment " + DEPLOYMENT_ID
                                + " (last status running: Deployment is running but requires manual promotion)",
                        "deployment/" + DEPLOYMENT_ID));
        assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofMillis(3500));
        assertThat(nomad.seen("GET", "/v1/deployment/" + DEPLOYMENT_ID)).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void blockedEvaluationIsWaitedForUntilTheTimeout() throws Exception {
        nomad.notBlocking().evaluation(Step.of("blocked", "created due to placement conflicts"));

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url(), "web", Duration.ofSeconds(1))));

        assertThat(outcome)
                .isEqualTo(new DispatchOutcome.Failed(
                        "timed out after 1s waiting for evaluation " + EVAL_ID
                                + " (last status blocked: created due to placement conflicts)",
                        "evaluation/" + EVAL_ID));
        assertThat(nomad.seen("GET", "/v1/evaluation/" + EVAL_ID)).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void deploysDeadlineShortensTheTimeout() throws Exception {
        nomad.evaluation(Step.of("pending", ""));

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url()), IMAGE, NOW.plusSeconds(2)));

        assertThat(((DispatchOutcome.Failed) outcome).message())
                .startsWith("timed out after 1s waiting for evaluation " + EVAL_ID);
    }

    @Test
    void serverErrorsAreRetriedWithBackOff() throws Exception {
        nomad.fail("GET", "/v1/job/web", 500, "No cluster leader", 2);

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(outcome).isInstanceOf(DispatchOutcome.Succeeded.class);
        List<NomadStandIn.Seen> reads = nomad.seen("GET", "/v1/job/web");
        assertThat(reads).hasSize(3);
        assertThat(Duration.ofNanos(reads.get(2).atNanos() - reads.get(0).atNanos()))
                .isGreaterThan(Duration.ofMillis(700));
    }

    @Test
    void serverErrorsThatPersistFailTheDeploy() throws Exception {
        nomad.fail("POST", "/v1/job/web", 500, "1 error occurred:\n\t* Task group web validation failed", 10);

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(outcome)
                .isEqualTo(new DispatchOutcome.Failed(
                        "Nomad kept failing (HTTP 500: 1 error occurred: * Task group web validation failed)", null));
        assertThat(nomad.seen("POST", "/v1/job/web")).hasSize(NomadApi.MAX_SERVER_ERRORS);
    }

    @Test
    void unreachableNomadIsRetriedUntilTheTimeout() throws Exception {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(closed, "web", Duration.ofSeconds(1))));

        assertThat(outcome)
                .isEqualTo(new DispatchOutcome.Failed(
                        "timed out after 1s reading job web (Nomad unreachable (ConnectException))", null));
    }

    @Test
    void jobChangedBetweenReadAndRegisterIsReadAgain() throws Exception {
        nomad.changeJobBeforeNextRegister();

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(outcome).isInstanceOf(DispatchOutcome.Succeeded.class);
        assertThat(nomad.seen("GET", "/v1/job/web")).hasSize(2);
        assertThat(nomad.registrations())
                .extracting(r -> r.path("JobModifyIndex").asLong())
                .containsExactly(34L, 35L);
    }

    @Test
    void interruptEndsTheDispatchAtOnce() throws Exception {
        nomad.evaluation(Step.of("complete", "").with("DeploymentID", DEPLOYMENT_ID))
                .deployment(Step.of("running", "Deployment is running"));
        AtomicReference<Object> result = new AtomicReference<>();
        Thread dispatcher = Thread.ofVirtual().start(() -> {
            try {
                result.set(f.deployer.dispatch(task(settings(nomad.url()))));
            } catch (InterruptedException e) {
                result.set(e);
            }
        });
        while (nomad.seen("GET", "/v1/deployment/" + DEPLOYMENT_ID).size() < 2) {
            Thread.sleep(20);
        }

        long start = System.nanoTime();
        dispatcher.interrupt();
        dispatcher.join(Duration.ofSeconds(2));

        assertThat(result.get()).isInstanceOf(InterruptedException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}
