package dev.catapult.runtime.sqs;

import dev.catapult.runtime.RuntimeIntake;
import dev.catapult.runtime.RuntimeSourceRecord;
import dev.catapult.runtime.RuntimeSources;
import dev.catapult.runtime.UnreadableEvent;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Receives ECS events from each {@code ecs-sqs} source's queue. A message is deleted only after intake
 * committed it, so a crash or a database failure leaves it for SQS to redeliver after its visibility
 * timeout (intake is idempotent, I4). A message that can never be processed is kept as a dead letter with
 * the reason and deleted, so it does not block the messages behind it. Several servers may poll one queue:
 * SQS hides a received message from other receivers while it is processed.
 */
@Component
class SqsRuntimePoller {
  private static final Logger log = LoggerFactory.getLogger(SqsRuntimePoller.class);
  private static final int MAX_BATCHES_PER_CYCLE = 20;

  private final RuntimeSources sources;
  private final RuntimeIntake intake;
  private final SqsClients clients;

  SqsRuntimePoller(RuntimeSources sources, RuntimeIntake intake, SqsClients clients) {
    this.sources = sources;
    this.intake = intake;
    this.clients = clients;
  }

  /** What one receive did. */
  record Batch(int received, int processed, int deadLettered, int leftForRedelivery) {}

  @Scheduled(fixedDelayString = "${catapult.runtime.poll-interval:5s}", initialDelayString = "${catapult.runtime.poll-interval:5s}")
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
        .queueUrl(source.queueUrl()).maxNumberOfMessages(10).waitTimeSeconds(0).build()).messages();
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
        log.warn("Runtime event {} from {} left for redelivery: {}", m.messageId(), source.name(), e.toString());
        left++;
        continue;
      }
      sqs.deleteMessage(d -> d.queueUrl(source.queueUrl()).receiptHandle(m.receiptHandle()));
    }
    return new Batch(messages.size(), processed, dead, left);
  }
}
