package dev.catapult.runtime.docker;

import dev.catapult.runtime.RuntimeIntake;
import dev.catapult.runtime.RuntimeSourceRecord;
import dev.catapult.runtime.RuntimeSources;
import dev.catapult.runtime.UnreadableEvent;
import dev.catapult.targets.Targets;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the Docker watchers read from and hand to the database: hosts to watch, known instances, intake. */
@Component
class DockerIntake {
    private final JdbcClient jdbc;
    private final RuntimeIntake intake;
    private final RuntimeSources sources;
    private final Targets targets;

    DockerIntake(JdbcClient jdbc, RuntimeIntake intake, RuntimeSources sources, Targets targets) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.sources = sources;
        this.targets = targets;
    }

    /** An instance of a source on a host that intake believes is not stopped. */
    record Known(
            String containerId,
            String container,
            String image,
            String app,
            String environment,
            @Nullable String deployId) {}

    /**
     * Archives and applies one envelope; one that can never be read goes to the source's dead letters instead.
     * Anything else (the database is down) is thrown: the event was not taken and will be read again.
     */
    Optional<RuntimeIntake.Outcome> submit(RuntimeSourceRecord source, String body) {
        try {
            return Optional.of(intake.accept(source, body));
        } catch (UnreadableEvent e) {
            sources.deadLetter(source, null, body, e.getMessage());
            return Optional.empty();
        }
    }

    List<RuntimeSourceRecord> dockerSources() {
        return sources.all().stream()
                .filter(s -> s.type().equals(DockerEventReader.TYPE))
                .toList();
    }

    /** Every distinct host of a {@code docker} target of an app that is not archived. */
    List<String> targetHosts() {
        return targets.dockerHosts();
    }

    /** The instances of {@code source} on {@code host} that are not stopped, with the app and environment they belong to. */
    List<Known> present(RuntimeSourceRecord source, String host) {
        String prefix = DockerEventReader.instanceId(host, "");
        return jdbc.sql("""
        select i.task_arn, i.container, i.repository, i.tag, i.digest, i.deploy_id, a.name app, e.name env from instances i
          join apps a on a.id = i.app_id join environments e on e.id = i.environment_id
        where i.source_id = ? and i.account = ? and i.status <> 'stopped' and starts_with(i.task_arn, ?)
        """)
                .params(source.id(), host, prefix)
                .query((rs, n) -> {
                    String arn = rs.getString("task_arn");
                    String tag = rs.getString("tag");
                    String digest = rs.getString("digest");
                    String image = rs.getString("repository")
                            + (tag == null ? "" : ":" + tag)
                            + (digest == null ? "" : "@" + digest);
                    return new Known(
                            arn.substring(prefix.length()),
                            rs.getString("container"),
                            image,
                            rs.getString("app"),
                            rs.getString("env"),
                            rs.getString("deploy_id"));
                })
                .list();
    }
}
