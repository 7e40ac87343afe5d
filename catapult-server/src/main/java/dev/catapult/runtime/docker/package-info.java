/**
 * The {@code docker} runtime source (SPEC §8): Docker events from the hosts the {@code docker} deployer
 * manages. {@link dev.catapult.runtime.docker.DockerEventReader} reads an archived event into an instance
 * change; {@link dev.catapult.runtime.docker.DockerSourceWatcher} keeps one {@link dev.catapult.runtime.docker.HostWatch}
 * per source and host, which reconciles the host's containers on every (re)connect and then follows its event
 * stream into intake. See docs/runtime.md, "Docker source".
 */
@NullMarked
package dev.catapult.runtime.docker;

import org.jspecify.annotations.NullMarked;
