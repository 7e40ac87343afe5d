package dev.catapult.deploy.nomad;

import java.time.Duration;

/**
 * Paces the reads that follow one evaluation or deployment. Each read is a Nomad blocking query on the last
 * {@code X-Nomad-Index}, so against Nomad a read returns only when the object changed or the wait ran out;
 * and whatever the server does, reads are at least a back-off apart (250 ms doubling to 5 s while nothing
 * changes, back to 250 ms on a change), so a server that answers at once is never polled in a busy loop.
 */
final class Poll {
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final Budget budget;
    private long index;
    private Duration pause = NomadApi.FIRST_RETRY;
    private long sentAt;

    Poll(Budget budget) {
        this.budget = budget;
    }

    long index() {
        return index;
    }

    /**
     * How long the next read may block: at most {@link #MAX_WAIT}, and short enough that Nomad's jitter (up to
     * wait/16) still ends it within the budget. Marks the read as sent.
     */
    Duration nextWait() {
        sentAt = System.nanoTime();
        Duration wait = budget.remaining().multipliedBy(15).dividedBy(16);
        return wait.compareTo(MAX_WAIT) < 0 ? wait : MAX_WAIT;
    }

    /** Records a read's answer and waits out what is left of the back-off. */
    void answered(long newIndex, boolean changed) throws InterruptedException {
        // As Nomad's own client does: an index that goes backwards (a restored snapshot) starts over.
        index = Long.compareUnsigned(newIndex, index) < 0 ? 0 : newIndex;
        if (changed) {
            pause = NomadApi.FIRST_RETRY;
        }
        Duration spent = Duration.ofNanos(System.nanoTime() - sentAt);
        budget.sleep(pause.minus(spent));
        if (!changed) {
            pause = pause.multipliedBy(2).compareTo(NomadApi.MAX_RETRY) < 0
                    ? pause.multipliedBy(2)
                    : NomadApi.MAX_RETRY;
        }
    }
}
