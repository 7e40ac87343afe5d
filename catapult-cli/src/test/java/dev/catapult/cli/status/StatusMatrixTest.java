package dev.catapult.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.api.StatusEntry;
import dev.catapult.api.StatusView;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StatusMatrixTest {

    private static StatusEntry entry(String app, String env, Long version, long behind) {
        return new StatusEntry(app, env, 9, version, version == null ? null : "succeeded", null, null, null, behind);
    }

    private static final StatusView VIEW = new StatusView(
            List.of("dev", "prod"),
            List.of(
                    entry("shop", "dev", 9L, 0), entry("shop", "prod", 7L, 2),
                    entry("billing", "dev", 5L, 4), entry("billing", "prod", null, 0),
                    entry("search", "dev", 9L, 0), entry("search", "prod", 9L, 0)));

    @Test
    void appsAreSortedByNameByDefault() {
        assertThat(StatusMatrix.of(VIEW, Set.of(), null, List.of()).rows().keySet())
                .containsExactly("billing", "search", "shop");
    }

    @Test
    void descendingBehindPutsTheMostOutdatedAppFirst() {
        assertThat(StatusMatrix.of(VIEW, Set.of(), null, List.of("-behind"))
                        .rows()
                        .keySet())
                .containsExactly("billing", "shop", "search");
    }

    @Test
    void environmentAndAppFiltersNarrowTheMatrix() {
        StatusMatrix matrix = StatusMatrix.of(VIEW, Set.of("prod"), Pattern.compile("^s"), List.of("-prod"));

        assertThat(matrix.environments()).containsExactly("prod");
        assertThat(matrix.rows().keySet()).containsExactly("search", "shop");
        assertThat(StatusCommand.cell(matrix.rows().get("shop").get("prod"))).isEqualTo("v7 (2 behind)");
    }
}
