/**
 * The test kit: the real programs Catapult's tests and benchmarks run, each started on a free loopback port in a
 * directory of its own and stopped with everything it started — {@code docker-registry} and {@code skopeo}
 * ({@link dev.catapult.testkit.registry}), {@code dockerd} and {@code podman} ({@link dev.catapult.testkit.docker}),
 * PostgreSQL ({@link dev.catapult.testkit.database}) and the server jar ({@link dev.catapult.testkit.server}). A
 * missing program skips the test with the command that installs it, and fails it when {@code CI=true}
 * ({@link dev.catapult.testkit.Programs}).
 */
@NullMarked
package dev.catapult.testkit;

import org.jspecify.annotations.NullMarked;
