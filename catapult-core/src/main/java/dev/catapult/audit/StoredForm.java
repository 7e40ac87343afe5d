package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the audit trail stores of an {@link AuditEvent} and the hash chain covers: its action name, its
 * subject and its details in stored order.
 */
public record StoredForm(String action, String subject, Map<String, @Nullable Object> details) {}
