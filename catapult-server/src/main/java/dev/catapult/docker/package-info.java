/**
 * The Docker Engine API client both features that talk to Docker hosts use: the {@code docker} deployer
 * ({@code deploy.docker}) and the {@code docker} runtime source ({@code runtime.docker}). It lives in its own
 * package rather than in either feature because neither owns the engine: the deployer writes containers and the
 * runtime source only reads them and their events, and a feature must not reach into another's adapter package.
 * It knows nothing of deploys or instances — only the Engine API calls they make, as typed records
 * ({@link dev.catapult.docker.Container}, {@link dev.catapult.docker.EngineEvent} …), and the labels
 * ({@link dev.catapult.docker.CatapultLabels}) by which the runtime source recognises the deployer's containers.
 *
 * <p>The transport is Jetty's HTTP client ({@link dev.catapult.docker.EngineHttp}): HTTP/1.1 over the engine's
 * unix socket or TCP. The entry point is {@link dev.catapult.docker.DockerEngine#connect}.
 */
@NullMarked
package dev.catapult.docker;

import org.jspecify.annotations.NullMarked;
