/**
 * Runtime tracking (SPEC §8): runtime sources, the intake that archives runtime events and applies them to
 * instances and rollouts (decisions in core's {@code dev.catapult.runtime}), and the read side —
 * instances and what's running where. Adapters: {@code sqs/} (ECS events through SQS), {@code docker/} (Docker hosts'
 * event streams), {@code web/}.
 */
@NullMarked
package dev.catapult.runtime;

import org.jspecify.annotations.NullMarked;
