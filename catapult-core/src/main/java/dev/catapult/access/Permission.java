package dev.catapult.access;

/** What an action needs. Each HTTP route asks for exactly one permission. */
public sealed interface Permission {
    record Admin() implements Permission {}

    record Read() implements Permission {}

    record AppWrite() implements Permission {}

    record Release(String app) implements Permission {}

    record Deploy(String app, String environment) implements Permission {}

    record DeployReport() implements Permission {}

    record Watch(String app, String environment) implements Permission {}

    static Permission admin() {
        return new Admin();
    }

    static Permission read() {
        return new Read();
    }

    /** Human-readable form for 403 messages. */
    default String describe() {
        return switch (this) {
            case Admin a -> "admin";
            case Read r -> "read";
            case AppWrite w -> "app:write";
            case Release r -> "release:" + r.app();
            case Deploy d -> "deploy:" + d.app() + ":" + d.environment();
            case DeployReport r -> "deploy:report";
            case Watch w -> "watch:" + w.app() + ":" + w.environment();
        };
    }
}
