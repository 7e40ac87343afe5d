/** Targets as stored: the deployer that runs an app's deploys in an environment and how the app is watched there. */
@NullMarked
package dev.catapult.targets;

import org.jspecify.annotations.NullMarked;
