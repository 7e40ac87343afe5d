package dev.catapult.runtime.sqs;

import dev.catapult.runtime.RuntimeIntake;
import dev.catapult.runtime.RuntimeSourceRecord;
import dev.catapult.runtime.RuntimeSources;
import dev.catapult.runtime.UnreadableEvent;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Receives ECS events from each {@code ecs-sqs} source's queue. A message is deleted only after intake
 * committed it, so a crash or a database failure leaves it for SQS to redeliver after its visibility
 * timeout (intake is idempotent, I4). A message that can never be processed is kept as a dead letter with
 * the reason and deleted, so it does not block the messages behind it. A message whose processing keeps
 * failing for another reason (say, a database constraint an event unexpectedly breaks) is retried on each
 * redelivery and, from its {@code catapult.runtime.max-receives}th receive on (default 5, counted by SQS),
 * dead-lettered with the last error. Several servers may poll one queue: SQS hides a received message from
 * other receivers while it is processed.
 */
@Component
class SqsRuntimePoller {
    private static final Logger log = LoggerFactory.getLogger(SqsRuntimePoller.class);
    private static final int MAX_BATCHES_PER_CYCLE = 20;

    private final RuntimeSources sources;
    private final RuntimeIntake intake;
    private final SqsClients clients;
    private final int maxReceives;

    SqsRuntimePoller(
            RuntimeSources sources,
            RuntimeIntake intake,
            SqsClients clients,
            @Value("${catapult.runtime.max-receives:5}") int maxReceives) {
        this.sources = sources;
        this.intake = intake;
        this.clients = clients;
        if (maxReceives < 1) {
            throw new IllegalArgumentException("catapult.runtime.max-receives must be at least 1");
        }
        this.maxReceives = maxReceives;
    }

    /** What one receive did. */
    record Batch(int received, int processed, int deadLettered, int leftForRedelivery) {}

    @Scheduled(
            fixedDelayString = "${catapult.runtime.poll-interval:5s}",
            initialDelayString = "${catapult.runtime.poll-interval:5s}")
    void pollAll() {
        for (RuntimeSourceRecord s : sources.all()) {
            if (!s.type().equals("ecs-sqs")) {
                continue;
            }
            try {
                for (int i = 0; i < MAX_BATCHES_PER_CYCLE && poll(s).received() > 0; i++) {
                    // keep receiving while the queue has messages, up to a bound so one source cannot starve the others
                }
            } catch (SdkException | IllegalStateException e) {
                log.warn("Receiving from runtime source {} failed: {}", s.name(), e.getMessage());
            }
        }
    }

    /** Receives one batch (up to 10 messages) from {@code source}'s queue and processes it. */
    Batch poll(RuntimeSourceRecord source) {
        SqsClient sqs = clients.forSource(source);
        List<Message> messages = sqs.receiveMessage(ReceiveMessageRequest.builder()
                        .queueUrl(source.queueUrl())
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(0)
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                        .build())
                .messages();
        int processed = 0;
        int dead = 0;
        int left = 0;
        for (Message m : messages) {
            try {
                intake.accept(source, m.body());
                processed++;
            } catch (UnreadableEvent e) {
                sources.deadLetter(source, m.messageId(), m.body(), e.getMessage());
                dead++;
            } catch (RuntimeException e) {
                int receives = receiveCount(m);
                if (receives < maxReceives) {
                    log.warn(
                            "Runtime event {} from {} left for redelivery (receive {} of {}): {}",
                            m.messageId(),
                            source.name(),
                            receives,
                            maxReceives,
                            e.toString());
                    left++;
                    continue;
                }
                sources.deadLetter(
                        source,
                        m.messageId(),
                        m.body(),
                        "failed on " + receives + " receives; last error: " + e.getMessage());
                dead++;
            }
            sqs.deleteMessage(d -> d.queueUrl(source.queueUrl()).receiptHandle(m.receiptHandle()));
        }
        return new Batch(messages.size(), processed, dead, left);
    }

    private static int receiveCount(Message m) {
        try {
            return Integer.parseInt(
                    m.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
