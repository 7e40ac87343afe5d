package dev.catapult.audit;

import dev.catapult.release.ReleaseSource;
import org.jspecify.annotations.Nullable;

/** {@code release.created}: a release was added to an app's ledger. */
public record ReleaseCreated(
        String app, long version, String commit, @Nullable String image, ReleaseSource source, String revision)
        implements AuditEvent {
    public static final String ACTION = "release.created";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION,
                Subject.release(app, version),
                Details.of(
                        "version",
                        version,
                        "commit",
                        commit,
                        "image",
                        image,
                        "source",
                        source.wireName(),
                        "revision",
                        revision));
    }
}
