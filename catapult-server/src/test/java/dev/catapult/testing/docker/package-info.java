/**
 * Shared test infrastructure for container work: a real Docker engine ({@link dev.catapult.testing.docker.DockerEngine},
 * Debian's {@code dockerd} on a private socket and data root) and small runnable images built in Java
 * ({@link dev.catapult.testing.docker.BusyboxImage}) for it to pull from a test registry.
 */
@NullMarked
package dev.catapult.testing.docker;

import org.jspecify.annotations.NullMarked;
