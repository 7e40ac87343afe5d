package dev.catapult.audit;

/**
 * The subject families of audit events, each spelled once. Audit filters match a subject and everything
 * below it, so a target's subject sits under its app's, a repository's under its registry's.
 */
final class Subject {
    private Subject() {}

    static String app(String app) {
        return "app/" + app;
    }

    static String target(String app, String environment) {
        return app(app) + "/env/" + environment;
    }

    static String release(String app, long version) {
        return app(app) + "/release/" + version;
    }

    static String environment(String environment) {
        return "environment/" + environment;
    }

    static String principal(String principal) {
        return "principal/" + principal;
    }

    static String registry(String registry) {
        return "registry/" + registry;
    }

    static String repository(String registry, String repository) {
        return registry(registry) + "/" + repository;
    }

    static String runtimeSource(String source) {
        return "runtime-source/" + source;
    }
}
