package dev.catapult.cli;

/** The process exit codes of SPEC §4, so scripts can branch on the kind of failure. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int AUTH = 3;
    public static final int NOT_FOUND = 4;
    public static final int CONFLICT = 5;

    private ExitCodes() {}

    /**
     * Maps an HTTP error status to an exit code. 400 and 413 are the caller's input being wrong, so they
     * count as usage errors; anything the server cannot do for other reasons (429, 5xx) is a failed operation.
     */
    public static int forHttpStatus(int status) {
        return switch (status) {
            case 400, 413, 422 -> USAGE;
            case 401, 403 -> AUTH;
            case 404, 410 -> NOT_FOUND;
            case 409 -> CONFLICT;
            default -> FAILED;
        };
    }
}
