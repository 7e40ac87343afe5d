/** Outbound notifications: signed webhooks and Slack-compatible messages, delivered from a durable outbox. */
@NullMarked
package dev.catapult.notify;

import org.jspecify.annotations.NullMarked;
