package dev.catapult.deploy.nomad;

import static dev.catapult.deploy.nomad.NomadFixtures.IMAGE;
import static dev.catapult.deploy.nomad.NomadFixtures.NOMAD_TOKEN;
import static dev.catapult.deploy.nomad.NomadFixtures.NOW;
import static dev.catapult.deploy.nomad.NomadFixtures.settings;
import static dev.catapult.deploy.nomad.NomadFixtures.task;
import static dev.catapult.deploy.nomad.NomadStandIn.DEPLOYMENT_ID;
import static dev.catapult.deploy.nomad.NomadStandIn.EVAL_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.deploy.DispatchOutcome;
import dev.catapult.deploy.nomad.NomadStandIn.Step;
import dev.catapult.targets.NomadSettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The nomad deployer against a stand-in answering like Nomad's job, evaluation and deployment endpoints. */
class NomadDeployerTest {
    private final NomadFixtures f = new NomadFixtures();
    private final NomadStandIn nomad = NomadStandIn.start();

    @AfterEach
    void stop() {
        nomad.close();
    }

    @Test
    void registersTheDigestThenSucceedsWhenTheDeploymentDoes() throws Exception {
        nomad.evaluation(
                        Step.of("pending", "", Duration.ofMillis(200)),
                        Step.of("complete", "").with("DeploymentID", DEPLOYMENT_ID))
                .deployment(
                        Step.of("running", "Deployment is running", Duration.ofMillis(200)),
                        Step.of("successful", "Deployment completed successfully"));

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(outcome)
                .isEqualTo(new DispatchOutcome.Succeeded(
                        "Nomad deployment " + DEPLOYMENT_ID + " successful: Deployment completed successfully",
                        "deployment/" + DEPLOYMENT_ID));
        assertThat(nomad.storedJob()
                        .path("TaskGroups")
                        .path(0)
                        .path("Tasks")
                        .path(0)
                        .path("Config")
                        .path("image")
                        .asString())
                .isEqualTo(IMAGE);
        assertThat(f.reports)
                .extracting(NomadFixtures.Report::externalRef)
                .containsSubsequence("evaluation/" + EVAL_ID, "deployment/" + DEPLOYMENT_ID);
        assertThat(f.reports)
                .extracting(NomadFixtures.Report::message)
                .containsSubsequence(
                        "registered job web (task web/app: registry.example/shop/web:1.4.0 → " + IMAGE
                                + ", JobModifyIndex 35)",
                        "evaluation " + EVAL_ID + " pending",
                        "evaluation " + EVAL_ID + " complete",
                        "deployment " + DEPLOYMENT_ID + " running: Deployment is running",
                        "deployment " + DEPLOYMENT_ID + " successful: Deployment completed successfully");
    }

    @Test
    void registeredJobDiffersFromTheReadOneOnlyInTheChosenTasksImage() throws Exception {
        f.deployer.dispatch(task(settings(nomad.url())));

        ObjectNode expected = NomadStandIn.fixture("job.json");
        ((ObjectNode) expected.path("TaskGroups").path(0).path("Tasks").path(0).path("Config")).put("image", IMAGE);
        JsonNode register = nomad.registrations().getFirst();
        assertThat(register.path("Job")).isEqualTo(expected);
        assertThat(register.path("EnforceIndex").asBoolean()).isTrue();
        assertThat(register.path("JobModifyIndex").asLong()).isEqualTo(34);
        assertThat(register.path("PreserveCounts").asBoolean()).isTrue();
        assertThat(nomad.seen("POST", "/v1/job/web")).hasSize(1);
    }

    @Test
    void everyRequestCarriesTheTokenAndTheNamespace() throws Exception {
        nomad.evaluation(Step.of("complete", "").with("DeploymentID", DEPLOYMENT_ID));

        f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(nomad.seen())
                .extracting(NomadStandIn.Seen::path)
                .contains("/v1/job/web", "/v1/evaluation/" + EVAL_ID, "/v1/deployment/" + DEPLOYMENT_ID);
        assertThat(nomad.seen()).allSatisfy(s -> {
            assertThat(s.token()).isEqualTo(NOMAD_TOKEN);
            assertThat(s.query()).containsEntry("namespace", "apps");
        });
    }

    @Test
    void vaultAndConsulTokensArePassedThroughOnRegistrationOnly() throws Exception {
        f.environment.withProperty("VAULT_TOKEN", "hvs.CAESIvault").withProperty("CONSUL_TOKEN", "b1gs3cr3t-consul");
        NomadSettings settings = new NomadSettings(
                nomad.url(), "NOMAD_TOKEN", "apps", "web", "web", "app", "VAULT_TOKEN", "CONSUL_TOKEN", null);

        DispatchOutcome outcome = f.deployer.dispatch(task(settings));

        JsonNode job = nomad.registrations().getFirst().path("Job");
        assertThat(job.path("VaultToken").asString()).isEqualTo("hvs.CAESIvault");
        assertThat(job.path("ConsulToken").asString()).isEqualTo("b1gs3cr3t-consul");
        assertThat(outcome).isInstanceOf(DispatchOutcome.Succeeded.class);
        assertThat(f.reports.toString()).doesNotContain("hvs.CAESIvault", "b1gs3cr3t-consul", NOMAD_TOKEN);
    }

    @Test
    void failedDeploymentFailsTheDeployWithNomadsDescription() throws Exception {
        nomad.evaluation(Step.of("complete", "").with("DeploymentID", DEPLOYMENT_ID))
                .deployment(
                        Step.of("running", "Deployment is running", Duration.ofMillis(150)),
                        Step.of("failed", "Failed due to unhealthy allocations - rolling back to job version 7"));

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(outcome)
                .isEqualTo(new DispatchOutcome.Failed(
                        "Nomad deployment " + DEPLOYMENT_ID
                                + " failed: Failed due to unhealthy allocations - rolling back to job version 7",
                        "deployment/" + DEPLOYMENT_ID));
    }

    @Test
    void cancelledDeploymentFailsTheDeploy() throws Exception {
        nomad.evaluation(Step.of("complete", "").with("DeploymentID", DEPLOYMENT_ID))
                .deployment(Step.of("cancelled", "Cancelled due to newer version of job"));

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(outcome)
                .isEqualTo(new DispatchOutcome.Failed(
                        "Nomad deployment " + DEPLOYMENT_ID + " cancelled: Cancelled due to newer version of job",
                        "deployment/" + DEPLOYMENT_ID));
    }

    @Test
    void failedEvaluationFailsTheDeployWithoutFollowingAnyDeployment() throws Exception {
        nomad.evaluation(
                Step.of("pending", "", Duration.ofMillis(100)),
                Step.of("failed", "evaluation reached delivery limit (3)"));

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(outcome)
                .isEqualTo(new DispatchOutcome.Failed(
                        "Nomad evaluation " + EVAL_ID + " failed: evaluation reached delivery limit (3)",
                        "evaluation/" + EVAL_ID));
        assertThat(nomad.seen("GET", "/v1/deployment/" + DEPLOYMENT_ID)).isEmpty();
    }

    @Test
    void cancelledEvaluationFailsTheDeploy() throws Exception {
        nomad.evaluation(Step.of("canceled", "canceled after more recent eval was processed"));

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(outcome).isInstanceOf(DispatchOutcome.Failed.class);
        assertThat(((DispatchOutcome.Failed) outcome).message())
                .contains("canceled after more recent eval was processed");
    }

    @Test
    void jobWithoutADeploymentSucceedsOnceItsEvaluationCompletes() throws Exception {
        nomad.evaluation(Step.of("pending", "", Duration.ofMillis(100)), Step.of("complete", ""));

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(outcome)
                .isEqualTo(new DispatchOutcome.Succeeded(
                        "evaluation " + EVAL_ID + " complete; the job has no deployment to follow",
                        "evaluation/" + EVAL_ID));
    }

    @Test
    void evaluationThatCouldNotPlaceAllocationsFailsWhenThereIsNoDeployment() throws Exception {
        nomad.evaluation(Step.of("complete", "")
                .with("FailedTGAllocs", NomadStandIn.fixture("failed-tg-allocs.json"))
                .with("BlockedEval", "312e6a6d-8d01-0daf-9105-14919a66dba3"));

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(outcome)
                .isEqualTo(new DispatchOutcome.Failed(
                        "evaluation " + EVAL_ID
                                + " complete, but Nomad could not place allocations for group(s) web"
                                + " (blocked evaluation 312e6a6d-8d01-0daf-9105-14919a66dba3 waits for capacity)",
                        "evaluation/" + EVAL_ID));
    }

    @Test
    void periodicJobWithoutAnEvaluationSucceedsOnceRegistered() throws Exception {
        nomad.registerAnswers("EvalID", "");

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(outcome).isInstanceOf(DispatchOutcome.Succeeded.class);
        assertThat(((DispatchOutcome.Succeeded) outcome).message()).contains("Nomad started no evaluation");
        assertThat(nomad.seen()).noneMatch(s -> s.path().startsWith("/v1/evaluation/"));
    }

    @Test
    void missingJobFailsWithoutRegistering() throws Exception {
        nomad.job(null);

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(outcome).isEqualTo(new DispatchOutcome.Failed("job web not found in namespace apps", null));
        assertThat(nomad.seen("POST", "/v1/job/web")).isEmpty();
    }

    @Test
    void taskNameInSeveralGroupsNeedsTheGroup() throws Exception {
        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url(), null, null)));

        assertThat(outcome)
                .isEqualTo(new DispatchOutcome.Failed(
                        "task 'app' is in several groups of job web (web, worker); set 'group' to choose one", null));
        assertThat(nomad.seen("POST", "/v1/job/web")).isEmpty();
    }

    @Test
    void groupChoosesWhichTaskOfThatNameGetsTheImage() throws Exception {
        f.deployer.dispatch(task(settings(nomad.url(), "worker", null)));

        JsonNode groups = nomad.registrations().getFirst().path("Job").path("TaskGroups");
        assertThat(groups.path(1)
                        .path("Tasks")
                        .path(0)
                        .path("Config")
                        .path("image")
                        .asString())
                .isEqualTo(IMAGE);
        assertThat(groups.path(1)
                        .path("Tasks")
                        .path(0)
                        .path("Config")
                        .path("command")
                        .asString())
                .isEqualTo("worker");
        assertThat(groups.path(0)
                        .path("Tasks")
                        .path(0)
                        .path("Config")
                        .path("image")
                        .asString())
                .isEqualTo("registry.example/shop/web:1.4.0");
    }

    @Test
    void unknownGroupOrTaskIsNamed() throws Exception {
        DispatchOutcome noGroup = f.deployer.dispatch(task(settings(nomad.url(), "api", null)));
        DispatchOutcome noTask = f.deployer.dispatch(
                task(new NomadSettings(nomad.url(), "NOMAD_TOKEN", "apps", "web", null, "nginx", null, null, null)));

        assertThat(noGroup)
                .isEqualTo(new DispatchOutcome.Failed("job web has no group 'api' (groups: web, worker)", null));
        assertThat(noTask).isEqualTo(new DispatchOutcome.Failed("job web has no task 'nginx'", null));
    }

    @Test
    void taskWithoutAnImageIsNotTouched() throws Exception {
        DispatchOutcome outcome = f.deployer.dispatch(task(
                new NomadSettings(nomad.url(), "NOMAD_TOKEN", "apps", "web", "worker", "migrate", null, null, null)));

        assertThat(outcome)
                .isEqualTo(new DispatchOutcome.Failed("task 'migrate' (driver exec) has no Config.image to set", null));
        assertThat(nomad.seen("POST", "/v1/job/web")).isEmpty();
    }

    @Test
    void stoppedJobIsNotStartedByADeploy() throws Exception {
        ObjectNode stopped = NomadStandIn.fixture("job.json");
        stopped.put("Stop", true).put("Status", "dead");
        nomad.job(stopped);

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(outcome)
                .isEqualTo(new DispatchOutcome.Failed(
                        "job web is stopped in Nomad; start it there before deploying to it", null));
    }

    @Test
    void releaseWithoutAnImageFailsWithoutCallingNomad() throws Exception {
        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url()), null, NOW.plusSeconds(3600)));

        assertThat(outcome)
                .isEqualTo(new DispatchOutcome.Failed(
                        "release v8 has no image; the nomad deployer sets the task's image", null));
        assertThat(nomad.seen()).isEmpty();
    }

    @Test
    void unsetTokenVariableFailsWithoutCallingNomad() throws Exception {
        NomadSettings settings =
                new NomadSettings(nomad.url(), "NOMAD_PROD_TOKEN", "apps", "web", "web", "app", null, null, null);

        DispatchOutcome outcome = f.deployer.dispatch(task(settings));

        assertThat(outcome)
                .isEqualTo(new DispatchOutcome.Failed(
                        "Nomad token variable NOMAD_PROD_TOKEN is not set on the server", null));
        assertThat(nomad.seen()).isEmpty();
    }

    @Test
    void refusalIsReportedWithItsStatusAndMessageButNeverTheToken() throws Exception {
        nomad.fail("POST", "/v1/job/web", 403, "Permission denied: token " + NOMAD_TOKEN + " lacks submit-job", 1);

        DispatchOutcome outcome = f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(outcome)
                .isEqualTo(new DispatchOutcome.Failed(
                        "Nomad refused to register job web (HTTP 403: Permission denied: token [redacted] lacks submit-job)",
                        null));
        assertThat(nomad.seen("POST", "/v1/job/web")).hasSize(1);
    }

    @Test
    void dispatchingAgainAfterACrashRegistersTheSameImageAndEndsTheSameWay() throws Exception {
        nomad.evaluation(Step.of("complete", "").with("DeploymentID", DEPLOYMENT_ID));

        DispatchOutcome first = f.deployer.dispatch(task(settings(nomad.url())));
        DispatchOutcome again = f.deployer.dispatch(task(settings(nomad.url())));

        assertThat(again).isEqualTo(first);
        assertThat(nomad.registrations())
                .extracting(r -> r.path("Job")
                        .path("TaskGroups")
                        .path(0)
                        .path("Tasks")
                        .path(0)
                        .path("Config")
                        .path("image")
                        .asString())
                .containsExactly(IMAGE, IMAGE);
    }
}
