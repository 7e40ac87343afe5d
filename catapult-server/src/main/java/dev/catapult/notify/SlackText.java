package dev.catapult.notify;

import java.util.Map;

/** One readable line per event, for Slack-compatible incoming webhooks. */
final class SlackText {
    private SlackText() {}

    static String of(Map<String, Object> event) {
        Map<?, ?> d = event.get("details") instanceof Map<?, ?> m ? m : Map.of();
        String subject = String.valueOf(event.get("subject"));
        return switch (String.valueOf(event.get("event"))) {
            case Notifications.RELEASE_CREATED ->
                ":package: " + subject + ": release v" + d.get("version") + " created by " + d.get("author");
            case Notifications.DEPLOY_STARTED ->
                ":rocket: " + subject + ": deploying v" + d.get("version") + " (" + d.get("reason") + ")";
            case Notifications.DEPLOY_SUCCEEDED ->
                ":white_check_mark: " + subject + ": v" + d.get("version") + " deployed";
            case Notifications.DEPLOY_FAILED ->
                ":x: " + subject + ": deploy of v" + d.get("version") + " failed: " + d.get("message");
            case Notifications.HOLD_PLACED -> ":pause_button: " + subject + ": automation held: " + d.get("reason");
            case Notifications.HOLD_RELEASED ->
                ":arrow_forward: " + subject + ": automation hold released by " + d.get("by");
            default -> subject + ": " + event.get("event");
        };
    }
}
