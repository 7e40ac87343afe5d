/** Targets: how one app is deployed to one environment (deployer settings) and watched (policy). */
@NullMarked
package dev.catapult.targets;

import org.jspecify.annotations.NullMarked;
