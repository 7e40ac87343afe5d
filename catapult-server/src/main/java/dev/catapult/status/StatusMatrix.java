package dev.catapult.status;

import java.sql.Timestamp;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per app and environment: the version whose deploy last succeeded, when and by whom, the status of the
 * latest deploy, and how many releases the environment is behind the app's latest.
 */
@Service
public class StatusMatrix {
    private final JdbcClient jdbc;

    StatusMatrix(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public StatusGrid read(@Nullable List<String> environments, @Nullable String app) {
        String[] envs = environments == null || environments.isEmpty() ? null : environments.toArray(String[]::new);
        List<String> names = jdbc.sql(
                        "select name from environments where (cast(:envs as text[]) is null or name = any(:envs)) order by rank, name")
                .param("envs", envs)
                .query(String.class)
                .list();
        List<StatusCell> entries = jdbc.sql("""
        select a.name as app, a.last_version, e.name as env, s.current_version,
               ld.id as latest_id, ld.status as latest_status, ld.updated_at as latest_at, ld.actor as latest_actor,
               cd.finished_at as current_at, cd.actor as current_actor
        from apps a cross join environments e
        left join environment_state s on s.app_id = a.id and s.environment_id = e.id
        left join deploys ld on ld.id = s.latest_deploy_id
        left join deploys cd on cd.id = s.current_deploy_id
        where a.archived_at is null
          and (cast(:envs as text[]) is null or e.name = any(:envs))
          and (cast(:app as text) is null or a.name = :app)
        order by a.name, e.rank, e.name
        """)
                .param("envs", envs)
                .param("app", app)
                .query((rs, n) -> {
                    long latest = rs.getLong("last_version");
                    Long version = rs.getObject("current_version") == null ? null : rs.getLong("current_version");
                    Timestamp at = rs.getTimestamp(version != null ? "current_at" : "latest_at");
                    String by = rs.getString(version != null ? "current_actor" : "latest_actor");
                    return new StatusCell(
                            rs.getString("app"),
                            rs.getString("env"),
                            latest,
                            version,
                            rs.getString("latest_status"),
                            rs.getString("latest_id"),
                            at == null ? null : at.toInstant(),
                            by,
                            version == null ? latest : latest - version);
                })
                .list();
        return new StatusGrid(names, entries);
    }
}
