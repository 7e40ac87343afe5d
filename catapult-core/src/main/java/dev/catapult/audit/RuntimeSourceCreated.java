package dev.catapult.audit;

import java.util.List;

/**
 * {@code runtime-source.created}: a runtime source was created; {@code ignoreContainers} are the sidecar
 * names it ignores.
 */
public record RuntimeSourceCreated(String source, String type, List<String> ignoreContainers) implements AuditEvent {
    public static final String ACTION = "runtime-source.created";

    public RuntimeSourceCreated {
        ignoreContainers = List.copyOf(ignoreContainers);
    }

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION, Subject.runtimeSource(source), Details.of("type", type, "ignoreContainers", ignoreContainers));
    }
}
