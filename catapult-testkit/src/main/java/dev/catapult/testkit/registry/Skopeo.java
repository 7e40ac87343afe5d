package dev.catapult.testkit.registry;

import dev.catapult.testkit.ProgramRun;
import dev.catapult.testkit.Programs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Pushes OCI layouts to a test registry with {@code skopeo}, as a CI job would push images. Digests are
 * preserved (no conversion), multi-platform indexes are copied whole, TLS is off (the test registry is
 * plain http on loopback), and the signature policy is skipped (test images are unsigned).
 *
 * <pre>{@code
 * Skopeo.require().copy(layout.dir(), "1.0.0", registry.reference("demo/app", "1.0.0"));
 * }</pre>
 */
public final class Skopeo {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Credentials for a registry started with htpasswd users. */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + ", ***]";
        }
    }

    private final Path program;

    private Skopeo(Path program) {
        this.program = program;
    }

    /** skopeo from {@code PATH}; skips the test (fails in CI) if it is missing. */
    public static Skopeo require() {
        return new Skopeo(Programs.require("skopeo", "skopeo"));
    }

    /** Copies the layout's image tagged {@code ref} (its {@code org.opencontainers.image.ref.name}) anonymously. */
    public void copy(Path ociLayoutDir, String ref, String destination) {
        copy(ociLayoutDir, ref, destination, null);
    }

    /**
     * Copies the layout's image or index tagged {@code ref} to {@code destination} ({@code host:port/repo:tag}).
     */
    public void copy(Path ociLayoutDir, String ref, String destination, @Nullable Credentials credentials) {
        List<String> command = new ArrayList<>(List.of(
                program.toString(),
                "--insecure-policy",
                "copy",
                "--all",
                "--preserve-digests",
                "--dest-tls-verify=false",
                "--retry-times",
                "0"));
        addCredentials(command, "--dest-creds", credentials);
        command.add("oci:" + ociLayoutDir.toAbsolutePath() + ":" + ref);
        command.add("docker://" + destination);
        run(command, "skopeo copy oci:" + ociLayoutDir.getFileName() + ":" + ref + " docker://" + destination);
    }

    /** Deletes {@code host:port/repo:tag} (or {@code @sha256:…}): the manifest and so every tag pointing at it. */
    public void delete(String destination, @Nullable Credentials credentials) {
        List<String> command =
                new ArrayList<>(List.of(program.toString(), "--insecure-policy", "delete", "--tls-verify=false"));
        addCredentials(command, "--creds", credentials);
        command.add("docker://" + destination);
        run(command, "skopeo delete docker://" + destination);
    }

    private static void addCredentials(List<String> command, String flag, @Nullable Credentials credentials) {
        if (credentials != null) {
            command.add(flag);
            command.add(credentials.username() + ":" + credentials.password());
        }
    }

    private static void run(List<String> command, String shown) {
        // An auth file that does not exist: the machine's own logins must not leak into tests.
        ProgramRun.run(command, TIMEOUT, Map.of("REGISTRY_AUTH_FILE", "/nonexistent/catapult-test-auth.json"), shown);
    }
}
