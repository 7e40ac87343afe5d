package dev.catapult.compat.cdp;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The few catalogue questions {@code ArtifactQueries} does not answer, because the cdp shapes group by
 * repository and by service name where Catapult's API lists by digest. Read only. A repository may be
 * named with its registry host ({@code 127.0.0.1:5000/shop/api}) or without ({@code shop/api}).
 */
@Repository
class CatalogueIndex {
    /** The tags of the repository {@code :repo}, named with or without its registry host. */
    private static final String TAGS_OF_REPOSITORY = " from artifact_tags t join registries r on r.id = t.registry_id"
            + " where (t.repository = :repo or r.host || '/' || t.repository = :repo)";

    private final JdbcClient jdbc;

    CatalogueIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Repository paths (without host) that some tag points into: what cdp called deployable repos. */
    List<String> taggedRepositories() {
        return jdbc.sql("select distinct repository from artifact_tags order by repository")
                .query(String.class)
                .list();
    }

    boolean hasTags(String repository) {
        return jdbc.sql("select exists (select 1" + TAGS_OF_REPOSITORY + ")")
                .param("repo", repository)
                .query(Boolean.class)
                .single();
    }

    /** Every tag of a repository, in whichever registries hold it. */
    List<String> tags(String repository) {
        return jdbc.sql("select distinct t.tag" + TAGS_OF_REPOSITORY + " order by t.tag")
                .param("repo", repository)
                .query(String.class)
                .list();
    }

    /** Hosts of the registries known to hold a repository path, for commands that need the host. */
    List<String> hostsHolding(String repositoryPath) {
        return jdbc.sql("""
        select distinct r.host from artifacts a join registries r on r.id = a.registry_id where a.repository = ?
        union select distinct r.host from artifact_tags t join registries r on r.id = t.registry_id where t.repository = ?
        order by 1
        """)
                .params(repositoryPath, repositoryPath)
                .query(String.class)
                .list();
    }

    /**
     * The platform image an index stands for: linux/amd64 when it lists one (what cdp's single-platform
     * scanner would have read), otherwise the first catalogued.
     */
    Optional<String> platformImage(String registry, String repository, String indexDigest) {
        return jdbc.sql("""
        select c.digest from artifacts c join registries r on r.id = c.registry_id
        where r.name = ? and c.repository = ? and c.parent_digest = ?
        order by (coalesce(c.platform ->> 'os', '') = 'linux' and coalesce(c.platform ->> 'architecture', '') = 'amd64') desc, c.id
        limit 1
        """)
                .params(registry, repository, indexDigest)
                .query(String.class)
                .optional();
    }

    /** One entry per derived service name, from its newest image (as cdp grouped its artifacts). */
    List<ServiceInfo> services() {
        return jdbc.sql("""
        select distinct on (a.service_name) a.service_name, a.git_url, a.repository from artifacts a
        where a.service_name is not null order by a.service_name, a.id desc
        """)
                .query((rs, n) -> new ServiceInfo(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    Optional<ServiceInfo> service(String name) {
        return jdbc.sql(
                        "select service_name, git_url, repository from artifacts where service_name = ? order by id desc limit 1")
                .param(name)
                .query((rs, n) -> new ServiceInfo(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }
}
