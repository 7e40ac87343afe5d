/**
 * The {@code docker} deployer: replaces a container on a Docker Engine API host (Docker, or Podman's
 * Docker-compatible API) with one running the release's image, and puts the old one back when the new one
 * is not healthy. Only {@link dev.catapult.deploy.docker.DockerDeployer} is a bean; everything is package-private.
 * The engine is spoken to through {@link dev.catapult.docker.DockerEngine}, which the runtime source shares.
 */
@NullMarked
package dev.catapult.deploy.docker;

import org.jspecify.annotations.NullMarked;
