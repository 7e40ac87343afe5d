package dev.catapult.deploy.nomad;

import static dev.catapult.deploy.nomad.JobImage.text;

import dev.catapult.deploy.DeployTask;
import dev.catapult.deploy.Deployer;
import dev.catapult.deploy.DispatchOutcome;
import dev.catapult.targets.NomadSettings;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deploys a release to a Nomad job: reads the job, sets the task's {@code Config.image} to the release's digest
 * reference, registers the job (check-and-set on its {@code JobModifyIndex}, counts preserved, Vault/Consul
 * tokens passed through when configured) and follows the evaluation and deployment (see {@link Rollout}) within
 * the target's timeout (default 10 minutes), never past the deploy's deadline.
 *
 * <p>Safe to repeat: a replica that takes over a deploy registers the same image again, which Nomad treats as
 * no change to the job; the new evaluation then leads to the deployment already under way (or to none when
 * it finished), so the outcome is the same.
 */
@Component
class NomadDeployer implements Deployer {
    /** Returned this long before the deploy's deadline, so the outcome is recorded before the deploy expires. */
    static final Duration DEADLINE_MARGIN = Duration.ofSeconds(1);

    private static final int REGISTER_TRIES = 3;

    private final Environment environment;
    private final Clock clock;
    private final Progress progress;
    private final HttpClient http;
    // Our own mapper, not the application's: the job goes back to Nomad exactly as read, whatever the API's
    // JSON settings, with decimals kept exact.
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    @Autowired
    NomadDeployer(Environment environment, Clock clock) {
        this(environment, clock, Progress.logged());
    }

    NomadDeployer(Environment environment, Clock clock, Progress progress) {
        this.environment = environment;
        this.clock = clock;
        this.progress = progress;
        // No redirects: the token must only ever go to the configured address.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String type() {
        return "nomad";
    }

    @Override
    public DispatchOutcome dispatch(DeployTask task) throws InterruptedException {
        if (!(task.deployer() instanceof NomadSettings settings)) {
            return new DispatchOutcome.Failed("the target's deployer is not nomad", null);
        }
        String image = task.image();
        if (image == null || image.isBlank()) {
            return new DispatchOutcome.Failed(
                    "release v" + task.version() + " has no image; the nomad deployer sets the task's image", null);
        }
        Tokens tokens;
        try {
            tokens = Tokens.read(environment, settings);
        } catch (NomadFailure f) {
            return new DispatchOutcome.Failed(f.getMessage(), null);
        }
        Duration untilDeadline =
                Duration.between(clock.instant(), task.deadline()).minus(DEADLINE_MARGIN);
        Budget budget = new Budget(
                untilDeadline.compareTo(settings.effectiveTimeout()) < 0 ? untilDeadline : settings.effectiveTimeout());
        Tracker tracker = new Tracker(task.id(), progress, tokens);
        NomadApi api = new NomadApi(http, json, settings.address(), settings.namespace(), tokens.nomad(), budget);
        try {
            String evalId = register(api, settings, image, tokens, tracker);
            if (evalId.isEmpty()) {
                return new DispatchOutcome.Succeeded(
                        "registered job " + settings.job()
                                + "; Nomad started no evaluation (periodic or parameterized job), its next run uses the new image",
                        tracker.ref());
            }
            return new Rollout(api, budget, tracker).follow(evalId);
        } catch (NomadFailure.TimedOut t) {
            return new DispatchOutcome.Failed(
                    tracker.redact("timed out after " + Budget.human(budget.total()) + " " + tracker.doing()
                            + (t.getMessage().isEmpty() ? "" : " (" + t.getMessage() + ")")),
                    tracker.ref());
        } catch (NomadFailure f) {
            return new DispatchOutcome.Failed(tracker.redact(f.getMessage()), tracker.ref());
        }
    }

    /** Registers the job with the new image; returns the evaluation id (empty when Nomad made none). */
    private String register(NomadApi api, NomadSettings settings, String image, Tokens tokens, Tracker tracker)
            throws NomadFailure, InterruptedException {
        String path = "/v1/job/" + NomadApi.segment(settings.job());
        for (int attempt = 1; ; attempt++) {
            tracker.doing("reading job " + settings.job());
            NomadApi.Answer read = api.read(path);
            if (read.status() == 404) {
                throw new NomadFailure("job " + settings.job() + " not found" + inNamespace(settings.namespace()));
            }
            refusedUnlessOk(read, "read job " + settings.job());
            JsonNode job = api.parse(read);
            if (job.path("Stop").asBoolean(false)) {
                throw new NomadFailure(
                        "job " + settings.job() + " is stopped in Nomad; start it there before deploying to it");
            }
            JobImage.Change change = JobImage.set(job, settings.group(), settings.task(), image);
            if (tokens.vault() != null) {
                ((ObjectNode) job).put("VaultToken", tokens.vault());
            }
            if (tokens.consul() != null) {
                ((ObjectNode) job).put("ConsulToken", tokens.consul());
            }
            ObjectNode body = json.createObjectNode();
            body.set("Job", job);
            body.put("EnforceIndex", true);
            body.set("JobModifyIndex", job.path("JobModifyIndex"));
            body.put("PreserveCounts", true);
            tracker.doing("registering job " + settings.job());
            NomadApi.Answer registered = api.write(path, body);
            if (registered.body().startsWith(NomadApi.ENFORCE_INDEX_CONFLICT) && attempt < REGISTER_TRIES) {
                tracker.report("job " + settings.job() + " changed in Nomad while registering; reading it again", null);
                continue;
            }
            refusedUnlessOk(registered, "register job " + settings.job());
            JsonNode answer = api.parse(registered);
            String evalId = text(answer, "EvalID");
            String warnings = text(answer, "Warnings");
            tracker.report(
                    "registered job " + settings.job() + " (task " + change.group() + "/" + change.task() + ": "
                            + change.previousImage() + " → " + image + ", JobModifyIndex "
                            + answer.path("JobModifyIndex").asString("?") + ")"
                            + (warnings.isBlank() ? "" : "; Nomad warns: " + warnings.strip()),
                    evalId.isEmpty() ? null : "evaluation/" + evalId);
            return evalId;
        }
    }

    private static void refusedUnlessOk(NomadApi.Answer answer, String what) throws NomadFailure {
        if (!answer.ok()) {
            throw new NomadFailure("Nomad refused to " + what + " (" + answer.problem() + ")");
        }
    }

    private static String inNamespace(@Nullable String namespace) {
        return namespace == null ? "" : " in namespace " + namespace;
    }
}
