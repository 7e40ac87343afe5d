/**
 * Shared test infrastructure for registry work: a real registry ({@link dev.catapult.testing.registry.DockerRegistry},
 * Debian's {@code docker-registry}), OCI image layouts built in Java ({@link dev.catapult.testing.registry.OciLayout},
 * {@link dev.catapult.testing.registry.LayerTar}), pushed by {@link dev.catapult.testing.registry.Skopeo}, and
 * {@link dev.catapult.testing.registry.Programs} to find (or skip without) the programs.
 */
@NullMarked
package dev.catapult.testing.registry;

import org.jspecify.annotations.NullMarked;
