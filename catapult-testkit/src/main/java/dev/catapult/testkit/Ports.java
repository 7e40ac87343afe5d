package dev.catapult.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free TCP ports on the loopback interface, for the programs the kit starts. A port is free when asked for and
 * may be taken by another process before the program binds it: starters that can tell retry with another port.
 */
public final class Ports {
    private Ports() {}

    /** A port that nothing listens on at {@code 127.0.0.1} right now. */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
