package dev.catapult.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of audit events, newest first; {@code nextCursor} (opaque) is absent on the last page. */
public record AuditPage(List<AuditRecord> items, @Nullable String nextCursor) {}
