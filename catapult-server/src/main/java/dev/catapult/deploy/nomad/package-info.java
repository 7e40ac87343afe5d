/**
 * The {@code nomad} deployer: reads the job from the Nomad HTTP API, sets the task's image to the release's
 * digest, registers the job and follows its evaluation and deployment. Only {@link NomadDeployer} is a bean;
 * everything here is package-private.
 */
@NullMarked
package dev.catapult.deploy.nomad;

import org.jspecify.annotations.NullMarked;
