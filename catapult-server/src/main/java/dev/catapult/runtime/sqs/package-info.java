/** The ECS-through-SQS runtime source: receives EventBridge ECS events from an SQS queue. */
@NullMarked
package dev.catapult.runtime.sqs;

import org.jspecify.annotations.NullMarked;
