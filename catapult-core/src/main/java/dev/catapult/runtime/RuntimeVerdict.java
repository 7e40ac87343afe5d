package dev.catapult.runtime;

import dev.catapult.deploy.DeployStatus;

/** What the runtime's facts say about an awaited deploy's outcome, with the message it is reported with. */
public sealed interface RuntimeVerdict {

    String deployId();

    String message();

    /** The status the deploy is reported as. */
    DeployStatus status();

    record Succeeded(String deployId, String message) implements RuntimeVerdict {
        @Override
        public DeployStatus status() {
            return DeployStatus.SUCCEEDED;
        }
    }

    record Failed(String deployId, String message) implements RuntimeVerdict {
        @Override
        public DeployStatus status() {
            return DeployStatus.FAILED;
        }
    }
}
