/**
 * Shared test infrastructure for registry work: a real registry ({@link dev.catapult.testkit.registry.DockerRegistry},
 * Debian's {@code docker-registry}), OCI image layouts built in Java ({@link dev.catapult.testkit.registry.OciLayout},
 * {@link dev.catapult.testkit.registry.LayerTar}), pushed by {@link dev.catapult.testkit.registry.Skopeo}, and
 * {@link dev.catapult.testkit.Programs} to find (or skip without) the programs.
 */
@NullMarked
package dev.catapult.testkit.registry;

import org.jspecify.annotations.NullMarked;
