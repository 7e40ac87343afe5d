package dev.catapult.client;

/**
 * A call to the Catapult server did not produce a usable answer: the server could not be reached, did not
 * answer in time, or answered with something that is not JSON. The message names the server, since a wrong
 * URL is the usual cause. Error statuses are the subclass {@link ApiException}.
 */
public class CatapultClientException extends RuntimeException {

    public CatapultClientException(String message) {
        super(message);
    }

    public CatapultClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
