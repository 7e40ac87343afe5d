package dev.catapult.registry.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catapult.registry.RegistryClient;
import dev.catapult.registry.RegistryException;
import dev.catapult.registry.RegistryException.Kind;
import dev.catapult.registry.RegistrySettings;
import dev.catapult.registry.RequestCounts;
import dev.catapult.testkit.registry.DockerRegistry;
import dev.catapult.testkit.registry.LayerTar;
import dev.catapult.testkit.registry.OciLayout;
import dev.catapult.testkit.registry.OciLayout.Descriptor;
import dev.catapult.testkit.registry.RegistryOptions;
import dev.catapult.testkit.registry.Skopeo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic auth against docker-registry 2.8 with an htpasswd file written by the test infrastructure. */
class OciRegistryClientBasicAuthTest {
    private static final String PASSWORD = "correct-horse-battery";
    private static final RegistrySettings.Auth BASIC = new RegistrySettings.Auth("basic", "REG_USER", "REG_PASSWORD");

    @TempDir
    static Path temp;

    private static DockerRegistry registry;
    private static Descriptor image;

    @BeforeAll
    static void pushWithCredentials() {
        registry = DockerRegistry.start(RegistryOptions.defaults().withUser("ci", PASSWORD));
        OciLayout layout = OciLayout.create(temp);
        image = layout.image()
                .layer(LayerTar.create().file("a.txt", "a").build(LayerTar.Compression.GZIP))
                .build();
        layout.tag("v1", image);
        Skopeo.require()
                .copy(
                        layout.dir(),
                        "v1",
                        registry.reference("private/app", "v1"),
                        new Skopeo.Credentials("ci", PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    private static RegistryClient client(Map<String, String> env) {
        return OciRegistryClients.create(TestRegistrySettings.of(registry, "private", BASIC), env::get);
    }

    @Test
    void theRightCredentialsAreSentUpFrontAndWork() {
        RegistryClient client = client(Map.of("REG_USER", "ci", "REG_PASSWORD", PASSWORD));

        assertThat(client.head("private/app", "v1").orElseThrow().digest().value())
                .isEqualTo(image.digest());
        assertThat(client.tags("private/app")).containsExactly("v1");
        assertThat(client.counts()).isEqualTo(new RequestCounts(1, 0, 1, 0, 0, 0));
    }

    @Test
    void wrongCredentialsAreUnauthorizedAndTheMessageDoesNotRepeatThem() {
        RegistryClient client = client(Map.of("REG_USER", "ci", "REG_PASSWORD", "guessed-wrong"));

        String basic = Base64.getEncoder().encodeToString("ci:guessed-wrong".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> client.head("private/app", "v1"))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
                .hasMessageContaining("REG_USER/REG_PASSWORD")
                .hasMessageNotContaining("guessed-wrong")
                .hasMessageNotContaining(basic);
        assertThat(client.counts().headManifest()).isEqualTo(1);
    }

    @Test
    void missingCredentialsAreUnauthorizedAndSayWhichVariableIsUnset() {
        RegistryClient client = client(Map.of("REG_USER", "ci"));

        assertThatThrownBy(() -> client.tags("private/app"))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
                .hasMessageContaining("REG_PASSWORD is not set");
    }

    @Test
    void anonymousRequestsAreUnauthorized() {
        RegistryClient client = OciRegistryClients.create(TestRegistrySettings.of(registry, "private"), name -> null);

        assertThatThrownBy(() -> client.catalog(null, 10))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
                .hasMessageContaining("anonymously");
    }
}
