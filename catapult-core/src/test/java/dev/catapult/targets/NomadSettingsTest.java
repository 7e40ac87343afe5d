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

class NomadSettingsTest {

    @Test
    void minimalSettingsNeedAddressJobAndTask() {
        DeployerSpec spec = DeployerSpec.parse(nomad());

        assertThat(spec)
                .isEqualTo(new NomadSettings(
                        URI.create("https://nomad.example:4646"), null, null, "web", null, "app", null, null, null));
        assertThat(spec.type()).isEqualTo("nomad");
        assertThat(spec.timeout()).isNull();
        assertThat(((NomadSettings) spec).effectiveTimeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void everySettingIsReadAndWrittenBack() {
        Map<String, Object> raw = nomad();
        raw.putAll(Map.of(
                "tokenEnv",
                "NOMAD_TOKEN",
                "namespace",
                "apps",
                "group",
                "web",
                "vaultTokenEnv",
                "VAULT_TOKEN",
                "consulTokenEnv",
                "CONSUL_HTTP_TOKEN",
                "timeout",
                "15m"));

        NomadSettings spec = (NomadSettings) DeployerSpec.parse(raw);

        assertThat(spec)
                .isEqualTo(new NomadSettings(
                        URI.create("https://nomad.example:4646"),
                        "NOMAD_TOKEN",
                        "apps",
                        "web",
                        "web",
                        "app",
                        "VAULT_TOKEN",
                        "CONSUL_HTTP_TOKEN",
                        Duration.ofMinutes(15)));
        assertThat(spec.effectiveTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(DeployerSpec.parse(new LinkedHashMap<>(spec.toMap()))).isEqualTo(spec);
    }

    @Test
    void toMapLeavesOutWhatIsNotSet() {
        assertThat(DeployerSpec.parse(nomad()).toMap())
                .containsExactly(
                        Map.entry("type", "nomad"),
                        Map.entry("address", "https://nomad.example:4646"),
                        Map.entry("job", "web"),
                        Map.entry("task", "app"));
    }

    @Test
    void trailingSlashOfTheAddressIsDropped() {
        Map<String, Object> raw = nomad();
        raw.put("address", "http://127.0.0.1:4646/");

        assertThat(((NomadSettings) DeployerSpec.parse(raw)).address()).isEqualTo(URI.create("http://127.0.0.1:4646"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nomad.example:4646",
                "ftp://nomad.example",
                "https://ops:s3cr3t@nomad.example:4646",
                "https://nomad.example:4646?namespace=apps",
                "not a url"
            })
    void addressMustBeAnHttpUrlWithoutCredentialsAndIsNotEchoed(String address) {
        Map<String, Object> raw = nomad();
        raw.put("address", address);

        InvalidInput e = invalidInput(() -> DeployerSpec.parse(raw));

        assertThat(e.errors()).extracting(InvalidInput.FieldError::field).containsExactly("deployer.address");
        assertThat(e.getMessage()).doesNotContain("s3cr3t");
    }

    @ParameterizedTest
    @CsvSource({"tokenEnv", "vaultTokenEnv", "consulTokenEnv"})
    void tokenSettingsMustNameAVariableNotHoldTheSecret(String key) {
        Map<String, Object> raw = nomad();
        raw.put(key, "s.abcdef123456");

        InvalidInput e = invalidInput(() -> DeployerSpec.parse(raw));

        assertThat(e.errors()).extracting(InvalidInput.FieldError::field).containsExactly("deployer." + key);
        assertThat(e.getMessage()).doesNotContain("s.abcdef123456");
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"address", "job", "task"})
    void requiredSettingsAreNamedWhenMissing(String key) {
        Map<String, Object> raw = nomad();
        raw.remove(key);

        assertThat(onlyErrorOf(() -> DeployerSpec.parse(raw)))
                .isEqualTo(new InvalidInput.FieldError("deployer." + key, "is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apps_prod", "a b", "apps/prod"})
    void namespaceFollowsNomadsNamingRule(String namespace) {
        Map<String, Object> raw = nomad();
        raw.put("namespace", namespace);

        assertThat(onlyErrorOf(() -> DeployerSpec.parse(raw)).field()).isEqualTo("deployer.namespace");
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource({"job, 'my web'", "task, 'a\tb'", "group, ' '"})
    void namesWithSpacesAreRefused(String key, String value) {
        Map<String, Object> raw = nomad();
        raw.put(key, value);

        assertThat(onlyErrorOf(() -> DeployerSpec.parse(raw)).field()).isEqualTo("deployer." + key);
    }

    @Test
    void unknownSettingIsRefusedListingTheKnownOnes() {
        Map<String, Object> raw = nomad();
        raw.put("image", "x");

        assertThat(onlyErrorOf(() -> DeployerSpec.parse(raw)))
                .isEqualTo(
                        new InvalidInput.FieldError(
                                "deployer.image",
                                "is not a known setting (known: address, consulTokenEnv, group, job, namespace, task, timeout, tokenEnv, vaultTokenEnv)"));
    }

    @Test
    void timeoutOver24HoursIsRefused() {
        Map<String, Object> raw = nomad();
        raw.put("timeout", "25h");

        assertThat(onlyErrorOf(() -> DeployerSpec.parse(raw)))
                .isEqualTo(new InvalidInput.FieldError("deployer.timeout", "must be at most 24h"));
    }

    private static Map<String, Object> nomad() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("type", "nomad");
        raw.put("address", "https://nomad.example:4646");
        raw.put("job", "web");
        raw.put("task", "app");
        return raw;
    }
}
