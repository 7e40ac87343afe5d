package dev.catapult.registry.oci;

import dev.catapult.registry.RegistrySettings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The credentials a registry's settings name. Values are looked up on every use (so a rotated secret takes
 * effect without a restart) and never leave this class except as an {@code Authorization} header value;
 * {@link #toString()} and {@link #describe()} name only the variables.
 */
final class Credentials {
    enum Type {
        NONE,
        BASIC,
        BEARER
    }

    private final Type type;
    private final @Nullable String usernameEnv;
    private final @Nullable String passwordEnv;
    private final Function<String, @Nullable String> secrets;

    private Credentials(
            Type type,
            @Nullable String usernameEnv,
            @Nullable String passwordEnv,
            Function<String, @Nullable String> secrets) {
        this.type = type;
        this.usernameEnv = usernameEnv;
        this.passwordEnv = passwordEnv;
        this.secrets = secrets;
    }

    static Credentials from(RegistrySettings.Auth auth, Function<String, @Nullable String> secrets) {
        Type type = switch (auth.type().toLowerCase(Locale.ROOT)) {
            case "none", "anonymous" -> Type.NONE;
            case "basic" -> Type.BASIC;
            case "bearer" -> Type.BEARER;
            default ->
                throw new IllegalArgumentException(
                        "unknown registry auth type '" + auth.type() + "' (expected none, basic or bearer)");
        };
        if (type == Type.BASIC && (auth.usernameEnv() == null || auth.passwordEnv() == null)) {
            throw new IllegalArgumentException("basic registry auth needs usernameEnv and passwordEnv");
        }
        if (type == Type.BEARER && auth.passwordEnv() == null) {
            throw new IllegalArgumentException(
                    "bearer registry auth needs passwordEnv (the variable holding the token)");
        }
        return new Credentials(type, auth.usernameEnv(), auth.passwordEnv(), secrets);
    }

    Type type() {
        return type;
    }

    /** {@code Basic …} for basic credentials whose values are set. */
    Optional<String> basic() {
        if (type != Type.BASIC) {
            return Optional.empty();
        }
        String user = value(usernameEnv);
        String password = value(passwordEnv);
        if (user == null || password == null) {
            return Optional.empty();
        }
        String pair = user + ":" + password;
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** What to send before any challenge: basic credentials, the static bearer token, or nothing. */
    Optional<String> preemptive() {
        return switch (type) {
            case NONE -> Optional.empty();
            case BASIC -> basic();
            case BEARER -> Optional.ofNullable(value(passwordEnv)).map(token -> "Bearer " + token);
        };
    }

    /** For error messages: how we tried, naming variables, never values. */
    String describe() {
        return switch (type) {
            case NONE -> "anonymously";
            case BASIC ->
                value(usernameEnv) == null || value(passwordEnv) == null
                        ? "without credentials (" + usernameEnv + " or " + passwordEnv + " is not set)"
                        : "with the basic credentials in " + usernameEnv + "/" + passwordEnv;
            case BEARER ->
                value(passwordEnv) == null
                        ? "without credentials (" + passwordEnv + " is not set)"
                        : "with the bearer token in " + passwordEnv;
        };
    }

    @Override
    public String toString() {
        return "Credentials[" + type + ", " + describe() + "]";
    }

    private @Nullable String value(@Nullable String name) {
        if (name == null) {
            return null;
        }
        String value = secrets.apply(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
