package dev.catapult.registry.oci;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One {@code WWW-Authenticate} challenge (RFC 7235), e.g.
 * {@code Bearer realm="https://auth.example/token",service="registry.example",scope="repository:app:pull"}.
 * Quoted values may hold commas (a scope's {@code pull,push}), so this is a small tokenizer, not a split.
 */
record Challenge(String scheme, Map<String, String> params) {

    boolean isBearer() {
        return scheme.equals("bearer");
    }

    @Nullable
    String realm() {
        return params.get("realm");
    }

    @Nullable
    String service() {
        return params.get("service");
    }

    /** The first bearer challenge with a realm among the given header values. */
    static Optional<Challenge> bearer(List<String> headerValues) {
        return headerValues.stream()
                .flatMap(v -> parse(v).stream())
                .filter(c -> c.isBearer() && c.realm() != null && !c.realm().isBlank())
                .findFirst();
    }

    static List<Challenge> parse(String header) {
        List<Challenge> challenges = new ArrayList<>();
        Tokenizer t = new Tokenizer(header);
        while (t.skipSeparators()) {
            String scheme = t.token().toLowerCase(Locale.ROOT);
            if (scheme.isEmpty()) {
                break;
            }
            Map<String, String> params = new LinkedHashMap<>();
            while (true) {
                int mark = t.position;
                t.skipSeparators();
                String name = t.token();
                t.skipSpaces();
                if (name.isEmpty() || !t.consume('=')) {
                    t.position = mark; // the next challenge's scheme (or the end)
                    break;
                }
                t.skipSpaces();
                params.put(name.toLowerCase(Locale.ROOT), t.value());
            }
            challenges.add(new Challenge(scheme, Map.copyOf(params)));
        }
        return challenges;
    }

    private static final class Tokenizer {
        private final String s;
        private int position;

        Tokenizer(String s) {
            this.s = s;
        }

        boolean skipSeparators() {
            while (position < s.length() && (s.charAt(position) == ',' || Character.isWhitespace(s.charAt(position)))) {
                position++;
            }
            return position < s.length();
        }

        void skipSpaces() {
            while (position < s.length() && Character.isWhitespace(s.charAt(position))) {
                position++;
            }
        }

        boolean consume(char c) {
            if (position < s.length() && s.charAt(position) == c) {
                position++;
                return true;
            }
            return false;
        }

        String token() {
            int start = position;
            while (position < s.length() && "=, \t\"".indexOf(s.charAt(position)) < 0) {
                position++;
            }
            return s.substring(start, position);
        }

        String value() {
            if (!consume('"')) {
                return token();
            }
            StringBuilder out = new StringBuilder();
            while (position < s.length() && s.charAt(position) != '"') {
                char c = s.charAt(position++);
                if (c == '\\' && position < s.length()) {
                    c = s.charAt(position++);
                }
                out.append(c);
            }
            consume('"');
            return out.toString();
        }
    }
}
