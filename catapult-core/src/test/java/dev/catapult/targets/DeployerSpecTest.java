package dev.catapult.targets;

import static dev.catapult.common.Refusals.invalidInput;
import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.common.InvalidInput;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeployerSpecTest {

    @Test
    void recordWithoutSettingsSucceedsAtOnceWithoutTimeout() {
        assertThat(DeployerSpec.parse(settings("type", "record"))).isEqualTo(new DeployerSpec.Record(false, null));
    }

    @Test
    void recordMayAwaitAReportWithATimeout() {
        DeployerSpec spec = DeployerSpec.parse(settings("type", "record", "awaitReport", true, "timeout", "30m"));

        assertThat(spec).isEqualTo(new DeployerSpec.Record(true, Duration.ofMinutes(30)));
        assertThat(spec.type()).isEqualTo("record");
    }

    @Test
    void recordOnlyIsTheDefaultDeployer() {
        assertThat(DeployerSpec.recordOnly()).isEqualTo(new DeployerSpec.Record(false, null));
    }

    @Test
    void webhookNeedsUrlAndSecretEnvName() {
        DeployerSpec spec = DeployerSpec.parse(settings(
                "type",
                "webhook",
                "url",
                "https://ci.example/hooks/catapult",
                "secretEnv",
                "CI_HOOK_SECRET",
                "timeout",
                "10m"));

        assertThat(spec)
                .isEqualTo(new DeployerSpec.Webhook(
                        URI.create("https://ci.example/hooks/catapult"), "CI_HOOK_SECRET", Duration.ofMinutes(10)));
        assertThat(spec.type()).isEqualTo("webhook");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://ci.example/hooks/catapult",
                "http://127.0.0.1:8080/hook",
                "https://ci.example:8443/x?y=1"
            })
    void httpAndHttpsUrlsAreAccepted(String url) {
        DeployerSpec.Webhook spec = (DeployerSpec.Webhook) DeployerSpec.parse(webhook(url, "HOOK_SECRET"));

        assertThat(spec.url()).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://ci.example/hook",
                "file:///etc/passwd",
                "mailto:ops@ci.example",
                "javascript:alert(1)",
                "ci.example/hook",
                "not a url",
                "https:///hook",
                "http://"
            })
    void nonHttpUrlsAreRefused(String url) {
        InvalidInput.FieldError error = onlyErrorOf(() -> DeployerSpec.parse(webhook(url, "HOOK_SECRET")));

        assertThat(error)
                .isEqualTo(new InvalidInput.FieldError("deployer.url", "must be an http(s) URL without credentials"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://ops:s3cr3t@ci.example/hook", "https://s3cr3t@ci.example/hook"})
    void urlsWithCredentialsAreRefusedWithoutRepeatingThem(String url) {
        InvalidInput e = invalidInput(() -> DeployerSpec.parse(webhook(url, "HOOK_SECRET")));

        assertThat(e.errors()).extracting(InvalidInput.FieldError::field).containsExactly("deployer.url");
        assertThat(e.getMessage()).doesNotContain("s3cr3t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "_PRIVATE", "HOOK_SECRET_2"})
    void secretEnvNamingAnEnvironmentVariableIsAccepted(String name) {
        assertThat(((DeployerSpec.Webhook) DeployerSpec.parse(webhook("https://ci.example/h", name))).secretEnv())
                .isEqualTo(name);
    }

    @Test
    void secretEnvOf128CharactersIsAccepted() {
        String name = "S".repeat(128);

        assertThat(((DeployerSpec.Webhook) DeployerSpec.parse(webhook("https://ci.example/h", name))).secretEnv())
                .isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hunter2-hunter2", "lower_case", "1ABC", "MY-SECRET", "MY SECRET", "sk_live_abc123"})
    void secretEnvHoldingAnythingButAVariableNameIsRefusedWithoutEchoingIt(String value) {
        InvalidInput e = invalidInput(() -> DeployerSpec.parse(webhook("https://ci.example/h", value)));

        assertThat(e.errors()).extracting(InvalidInput.FieldError::field).containsExactly("deployer.secretEnv");
        assertThat(e.getMessage()).doesNotContain(value);
    }

    @Test
    void secretEnvOver128CharactersIsRefused() {
        assertThat(onlyErrorOf(() -> DeployerSpec.parse(webhook("https://ci.example/h", "S".repeat(129))))
                        .field())
                .isEqualTo("deployer.secretEnv");
    }

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource({"url, deployer.url", "secretEnv, deployer.secretEnv"})
    void webhookWithoutARequiredSettingIsRefusedNamingIt(String missing, String field) {
        Map<String, Object> raw = webhook("https://ci.example/h", "HOOK_SECRET");
        raw.remove(missing);

        assertThat(onlyErrorOf(() -> DeployerSpec.parse(raw)))
                .isEqualTo(new InvalidInput.FieldError(field, "is required"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "record, url, 'deployer.url', 'awaitReport, timeout'",
        "record, await, 'deployer.await', 'awaitReport, timeout'",
        "webhook, secret, 'deployer.secret', 'secretEnv, timeout, url'",
        "webhook, headers, 'deployer.headers', 'secretEnv, timeout, url'"
    })
    void unknownSettingIsRefusedNamingItAndTheKnownOnes(String type, String key, String field, String known) {
        Map<String, Object> raw =
                type.equals("record") ? settings("type", "record") : webhook("https://ci.example/h", "S");
        raw.put(key, "x");

        assertThat(onlyErrorOf(() -> DeployerSpec.parse(raw)))
                .isEqualTo(new InvalidInput.FieldError(field, "is not a known setting (known: " + known + ")"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"90s, PT1M30S", "2h, PT2H", "24h, PT24H", "1d, PT24H", "PT24H, PT24H", "P1D, PT24H", "86400s, PT24H"})
    void timeoutIsParsedUpTo24Hours(String text, Duration expected) {
        assertThat(DeployerSpec.parse(settings("type", "record", "timeout", text))
                        .timeout())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"86401s", "25h", "2d", "P2D", "PT24H1S"})
    void timeoutOver24HoursIsRefused(String text) {
        assertThat(onlyErrorOf(() -> DeployerSpec.parse(webhook("https://ci.example/h", "S", text))))
                .isEqualTo(new InvalidInput.FieldError("deployer.timeout", "must be at most 24h"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "soon", "-5m"})
    void invalidTimeoutIsRefusedNamingIt(String text) {
        assertThat(onlyErrorOf(() -> DeployerSpec.parse(settings("type", "record", "timeout", text)))
                        .field())
                .isEqualTo("deployer.timeout");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "awaitReport, yes, deployer.awaitReport, must be true or false",
        "timeout, 30, deployer.timeout, must be a string"
    })
    void settingOfTheWrongJsonTypeIsRefused(String key, String value, String field, String message) {
        Object json = key.equals("timeout") ? (Object) Integer.valueOf(value) : value;

        assertThat(onlyErrorOf(() -> DeployerSpec.parse(settings("type", "record", key, json))))
                .isEqualTo(new InvalidInput.FieldError(field, message));
    }

    @Test
    void urlThatIsNotAStringIsRefused() {
        Map<String, Object> raw = webhook("https://ci.example/h", "S");
        raw.put("url", 42);

        assertThat(onlyErrorOf(() -> DeployerSpec.parse(raw)))
                .isEqualTo(new InvalidInput.FieldError("deployer.url", "must be a string"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"caddy-static", "kubernetes", "ecs"})
    void deployerTypesNotYetBuiltGiveAClearMessage(String type) {
        InvalidInput.FieldError error = onlyErrorOf(() -> DeployerSpec.parse(settings("type", type)));

        assertThat(error)
                .isEqualTo(
                        new InvalidInput.FieldError(
                                "deployer.type",
                                "the '" + type
                                        + "' deployer is not available in this version (available: record, webhook, nomad, docker)"));
    }

    @Test
    void unknownDeployerTypeIsRefused() {
        assertThat(onlyErrorOf(() -> DeployerSpec.parse(settings("type", "ftp"))))
                .isEqualTo(new InvalidInput.FieldError(
                        "deployer.type", "'ftp' is not a deployer type (record, webhook, nomad, docker)"));
    }

    @Test
    void missingOrNonStringTypeIsRefused() {
        assertThat(onlyErrorOf(() -> DeployerSpec.parse(settings("awaitReport", true)))
                        .field())
                .isEqualTo("deployer.type");
        assertThat(onlyErrorOf(() -> DeployerSpec.parse(settings("type", 1))).field())
                .isEqualTo("deployer.type");
    }

    @Test
    void missingDeployerIsRefused() {
        assertThat(onlyErrorOf(() -> DeployerSpec.parse(null)).field()).isEqualTo("deployer");
    }

    @Test
    void parsingDoesNotChangeTheGivenSettings() {
        Map<String, Object> raw = settings("type", "record", "awaitReport", true);

        DeployerSpec.parse(raw);

        assertThat(raw).containsOnlyKeys("type", "awaitReport");
    }

    @ParameterizedTest
    @ValueSource(strings = {"record", "record-await", "webhook"})
    void storedSettingsParseBackToTheSameSpec(String kind) {
        DeployerSpec spec = switch (kind) {
            case "record" -> DeployerSpec.recordOnly();
            case "record-await" -> new DeployerSpec.Record(true, Duration.ofHours(2));
            default ->
                new DeployerSpec.Webhook(URI.create("https://ci.example/h"), "HOOK_SECRET", Duration.ofMinutes(5));
        };

        assertThat(DeployerSpec.parse(spec.toMap())).isEqualTo(spec);
    }

    private static Map<String, Object> webhook(String url, String secretEnv) {
        return settings("type", "webhook", "url", url, "secretEnv", secretEnv);
    }

    private static Map<String, Object> webhook(String url, String secretEnv, String timeout) {
        return settings("type", "webhook", "url", url, "secretEnv", secretEnv, "timeout", timeout);
    }

    /** A mutable JSON object from alternating keys and values. */
    static Map<String, Object> settings(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
