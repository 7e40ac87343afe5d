package dev.catapult.cli.release;

import dev.catapult.api.ReleaseView;
import dev.catapult.cli.output.Fields;
import dev.catapult.cli.output.Output;
import dev.catapult.cli.output.Table;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** How releases look in both output formats, shared by the release commands. */
final class ReleasePrinter {

    private ReleasePrinter() {}

    static void show(Output output, JsonNode node) {
        output.show(
                node,
                ReleaseView.class,
                release -> new Fields()
                        .add("app", release.app())
                        .add("version", "v" + release.version())
                        .add("commit", release.commit())
                        .add("image", release.image())
                        .add("tag", release.imageTag())
                        .add("author", release.author())
                        .add("source", release.source())
                        .add("created", release.createdAt())
                        .add(
                                "commits",
                                release.commits() == null
                                        ? null
                                        : release.commits().size())
                        .add("changelog", release.changelog()));
    }

    static void list(Output output, List<JsonNode> nodes) {
        output.list(
                nodes,
                ReleaseView.class,
                new Table("VERSION", "COMMIT", "IMAGE", "AUTHOR", "CREATED", "CHANGES"),
                (table, release) -> table.row(
                        "v" + release.version(),
                        ChangeSet.shortSha(release.commit()),
                        release.imageTag() != null ? release.imageTag() : release.image(),
                        release.author(),
                        release.createdAt(),
                        firstLine(release.changelog())));
    }

    static @Nullable String firstLine(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " …";
    }
}
