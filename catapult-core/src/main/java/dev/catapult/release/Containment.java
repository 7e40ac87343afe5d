package dev.catapult.release;

/** Whether a release contains a commit, as far as the ledger's commit lists can tell. */
public enum Containment {
    TRUE,
    FALSE,
    UNKNOWN
}
