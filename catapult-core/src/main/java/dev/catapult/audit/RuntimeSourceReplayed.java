package dev.catapult.audit;

/**
 * {@code runtime-source.replayed}: a replay of a runtime source's event archive was queued as job {@code
 * job}.
 */
public record RuntimeSourceReplayed(String source, String job, boolean deadLetters) implements AuditEvent {
    public static final String ACTION = "runtime-source.replayed";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION, Subject.runtimeSource(source), Details.of("job", job, "deadLetters", deadLetters));
    }
}
