package dev.catapult.registry.oci;

import dev.catapult.registry.RegistryException;
import dev.catapult.registry.RegistryException.Kind;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Turns an HTTP status into a {@link RegistryException}. Messages name the registry, the call and the
 * registry's error codes ({@code MANIFEST_UNKNOWN}…), never headers, bodies or URLs with query strings
 * (a redirect's query may be a signature), so they cannot carry credentials.
 */
final class Failures {
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z_]{0,39}");

    private Failures() {}

    static Kind kindOf(int status) {
        return switch (status) {
            case 401, 403 -> Kind.UNAUTHORIZED;
            case 404 -> Kind.NOT_FOUND;
            case 429 -> Kind.RATE_LIMITED;
            case 408 -> Kind.UNAVAILABLE;
            default -> status >= 500 ? Kind.UNAVAILABLE : Kind.INVALID;
        };
    }

    static RegistryException forStatus(
            String registry, String what, int status, byte[] errorBody, String howAuthenticated) {
        Kind kind = kindOf(status);
        StringBuilder message = new StringBuilder("registry '")
                .append(registry)
                .append("' answered ")
                .append(status)
                .append(" to ")
                .append(what);
        Set<String> codes = errorCodes(errorBody);
        if (!codes.isEmpty()) {
            message.append(' ').append(codes);
        }
        if (kind == Kind.UNAUTHORIZED) {
            message.append(" (tried ").append(howAuthenticated).append(')');
        }
        return new RegistryException(kind, message.toString());
    }

    /** The {@code errors[].code} values of a distribution error body, if it is one. */
    static Set<String> errorCodes(byte[] body) {
        Set<String> codes = new LinkedHashSet<>();
        JsonNode errors = Json.tryParse(body).path("errors");
        if (errors.isArray()) {
            for (JsonNode error : errors) {
                JsonNode code = error.path("code");
                if (code.isString() && ERROR_CODE.matcher(code.stringValue()).matches() && codes.size() < 5) {
                    codes.add(code.stringValue());
                }
            }
        }
        return codes;
    }

    static RegistryException interrupted(String what) {
        Thread.currentThread().interrupt();
        return new RegistryException(Kind.UNAVAILABLE, "interrupted while waiting for " + what);
    }
}
