/**
 * Shared test infrastructure for container work: a real Docker engine ({@link dev.catapult.testkit.docker.DockerEngine},
 * Debian's {@code dockerd} on a private socket and data root) and small runnable images built in Java
 * ({@link dev.catapult.testkit.docker.BusyboxImage}) for it to pull from a test registry.
 */
@NullMarked
package dev.catapult.testkit.docker;

import org.jspecify.annotations.NullMarked;
