package dev.catapult.notify;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where notifications go ({@code catapult.notifications[…]}): a {@code webhook} (signed JSON) or a
 * {@code slack} incoming webhook. URLs that are secrets (Slack's) are named by {@code urlEnv}; webhook
 * signing secrets by {@code secretEnv}. {@code events} lists event names or {@code *}.
 */
@ConfigurationProperties("catapult")
record NotificationTargets(@DefaultValue List<Target> notifications) {

    /** One destination. */
    record Target(
            String name,
            String type,
            @Nullable String url,
            @Nullable String urlEnv,
            @Nullable String secretEnv,
            @DefaultValue("*") List<String> events) {

        boolean wants(String event) {
            return events.contains("*") || events.contains(event);
        }
    }
}
