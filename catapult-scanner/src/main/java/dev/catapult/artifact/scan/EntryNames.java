package dev.catapult.artifact.scan;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Entry names as {@link GuardedTarInputStream} hands them over: ustar and GNU names as one char per byte
 * (ISO-8859-1), PAX names already decoded from UTF-8 by commons-compress (invalid bytes as U+FFFD, which
 * {@code TarPaths} refuses). This recovers the UTF-8 name, or says there is none.
 */
final class EntryNames {
    private static final int MAX_SHOWN = 200;

    private EntryNames() {}

    /**
     * The name decoded as UTF-8; empty when its bytes are not UTF-8. A char above U+00FF can only come from a
     * PAX header, so such a name is taken as it is. Otherwise bytes above 0x7F are decoded strictly; if that
     * fails but the entry had a PAX header, the name is its Latin-range text ({@code café}) and is kept.
     */
    static Optional<String> utf8(String name, boolean fromPaxHeader) {
        boolean nonAscii = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > 0xff) {
                return Optional.of(name);
            }
            nonAscii |= c > 0x7f;
        }
        if (!nonAscii) {
            return Optional.of(name);
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(name.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString());
        } catch (CharacterCodingException e) {
            return fromPaxHeader ? Optional.of(name) : Optional.empty();
        }
    }

    /** A name safe to store and log: control characters escaped, long names shortened. */
    static String printable(String name) {
        StringBuilder shown = new StringBuilder(Math.min(name.length(), MAX_SHOWN) + 16);
        for (int i = 0; i < name.length() && i < MAX_SHOWN; i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                shown.append("\\u%04x".formatted((int) c));
            } else {
                shown.append(c);
            }
        }
        if (name.length() > MAX_SHOWN) {
            shown.append("…(").append(name.length()).append(" chars)");
        }
        return shown.toString();
    }
}
