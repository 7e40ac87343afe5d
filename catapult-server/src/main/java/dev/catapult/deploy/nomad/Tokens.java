package dev.catapult.deploy.nomad;

import dev.catapult.targets.NomadSettings;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The secrets one dispatch uses, read from the server's environment by the variable names in the settings:
 * the Nomad ACL token (sent as {@code X-Nomad-Token}) and the Vault and Consul tokens passed through on
 * registration. {@link #redact} keeps them out of anything shown to people.
 */
record Tokens(
        @Nullable String nomad,
        @Nullable String vault,
        @Nullable String consul) {

    static Tokens read(Environment environment, NomadSettings settings) throws NomadFailure {
        return new Tokens(
                value(environment, settings.tokenEnv(), "Nomad token"),
                value(environment, settings.vaultTokenEnv(), "Vault token"),
                value(environment, settings.consulTokenEnv(), "Consul token"));
    }

    /** {@code text} with every token replaced, should Nomad ever echo one back. */
    String redact(String text) {
        String out = text;
        for (String secret : secrets()) {
            out = out.replace(secret, "[redacted]");
        }
        return out;
    }

    private List<String> secrets() {
        List<String> all = new ArrayList<>(3);
        for (String s : new String[] {nomad, vault, consul}) {
            if (s != null) {
                all.add(s);
            }
        }
        return all;
    }

    private static @Nullable String value(Environment environment, @Nullable String variable, String what)
            throws NomadFailure {
        if (variable == null) {
            return null;
        }
        String value = environment.getProperty(variable);
        if (value == null || value.isBlank()) {
            throw new NomadFailure(what + " variable " + variable + " is not set on the server");
        }
        return value.trim();
    }
}
