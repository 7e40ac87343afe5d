package dev.catapult.deploy;

import dev.catapult.release.CommitSha;
import java.util.Objects;

/** The release running in an environment: the version whose deploy last succeeded there, and its commit. */
public record RunningRelease(long version, CommitSha commit) {
    public RunningRelease {
        Objects.requireNonNull(commit, "commit");
    }
}
