package dev.catapult.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalJsonTest {

    @Test
    void objectKeysAreSortedWhateverTheInsertionOrder() {
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", 2);
        ba.put("a", 1);
        Map<String, Object> ab = new TreeMap<>(ba);

        assertThat(CanonicalJson.write(ba)).isEqualTo(CanonicalJson.write(ab)).isEqualTo("{\"a\":1,\"b\":2}");
    }

    @Test
    void nestedObjectKeysAreSortedToo() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", true);
        inner.put("y", false);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("outer", List.of(inner));

        assertThat(CanonicalJson.write(outer)).isEqualTo("{\"outer\":[{\"y\":false,\"z\":true}]}");
    }

    @Test
    void keysSortByUtf16CodeUnits() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("é", 1);
        m.put("b", 2);
        m.put("B", 3);
        m.put("a", 4);

        assertThat(CanonicalJson.write(m)).isEqualTo("{\"B\":3,\"a\":4,\"b\":2,\"é\":1}");
    }

    @Test
    void thereIsNoInsignificantWhiteSpace() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("list", Arrays.asList(1, "two", true, null));
        m.put("empty", Map.of());
        m.put("none", List.of());
        m.put("nothing", null);

        assertThat(CanonicalJson.write(m))
                .isEqualTo("{\"empty\":{},\"list\":[1,\"two\",true,null],\"none\":[],\"nothing\":null}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void stringsEscapeQuotesBackslashesAndControlCharacters(String name, String text, String json) {
        assertThat(CanonicalJson.write(text)).isEqualTo(json);
    }

    static Stream<Arguments> stringsEscapeQuotesBackslashesAndControlCharacters() {
        return Stream.of(
                Arguments.of("quote", "say \"hi\"", "\"say \\\"hi\\\"\""),
                Arguments.of("backslash", "C:\\dir", "\"C:\\\\dir\""),
                Arguments.of("newline", "a\nb", "\"a\\nb\""),
                Arguments.of("carriage return", "a\rb", "\"a\\rb\""),
                Arguments.of("tab", "a\tb", "\"a\\tb\""),
                Arguments.of("backspace", "a\bb", "\"a\\bb\""),
                Arguments.of("form feed", "a\fb", "\"a\\fb\""),
                Arguments.of("NUL", "a\u0000b", "\"a\\u0000b\""),
                Arguments.of("unit separator", "a\u001fb", "\"a\\u001fb\""),
                Arguments.of("escape", "\u001b[31m", "\"\\u001b[31m\""),
                Arguments.of("DEL is not a control to escape", "a\u007fb", "\"a\u007fb\""),
                Arguments.of("slash stays", "a/b", "\"a/b\""),
                Arguments.of("latin", "café", "\"café\""),
                Arguments.of("CJK", "発行", "\"発行\""),
                Arguments.of("astral", "🚀", "\"🚀\""),
                Arguments.of("line separator", "a\u2028b", "\"a\u2028b\""));
    }

    @Test
    void keysAreEscapedLikeValues() {
        assertThat(CanonicalJson.write(Map.of("a\"b\n", "x"))).isEqualTo("{\"a\\\"b\\n\":\"x\"}");
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource
    void integersPrintTheSameWhateverTheirJavaType(Object number, String type) {
        assertThat(CanonicalJson.write(number)).isEqualTo("42");
    }

    static Stream<Arguments> integersPrintTheSameWhateverTheirJavaType() {
        return Stream.of(
                Arguments.of(42, "Integer"),
                Arguments.of(42L, "Long"),
                Arguments.of((short) 42, "Short"),
                Arguments.of((byte) 42, "Byte"),
                Arguments.of(BigInteger.valueOf(42), "BigInteger"),
                Arguments.of(new BigDecimal("42.000"), "BigDecimal"),
                Arguments.of(42.0d, "Double"),
                Arguments.of(42.0f, "Float"));
    }

    @Test
    void intAndLongDetailsGiveTheSameDocument() {
        assertThat(CanonicalJson.write(Map.of("version", 7))).isEqualTo(CanonicalJson.write(Map.of("version", 7L)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource
    void decimalsHaveNoExponentAndNoTrailingZeros(Object number, String json) {
        assertThat(CanonicalJson.write(number)).isEqualTo(json);
    }

    static Stream<Arguments> decimalsHaveNoExponentAndNoTrailingZeros() {
        return Stream.of(
                Arguments.of(1.5d, "1.5"),
                Arguments.of(new BigDecimal("1.50"), "1.5"),
                Arguments.of(1e20d, "100000000000000000000"),
                Arguments.of(1.0e-7d, "0.0000001"),
                Arguments.of(-2.5d, "-2.5"),
                Arguments.of(0.0d, "0"),
                Arguments.of(Long.MAX_VALUE, "9223372036854775807"),
                Arguments.of(Long.MIN_VALUE, "-9223372036854775808"));
    }

    @Test
    void otherValuesAreWrittenAsTheirTextInAString() {
        assertThat(CanonicalJson.write(Duration.ofMinutes(5))).isEqualTo("\"PT5M\"");
    }

    @Test
    void nonStringKeysAreWrittenAsText() {
        assertThat(CanonicalJson.write(Map.of(1, "one"))).isEqualTo("{\"1\":\"one\"}");
    }
}
