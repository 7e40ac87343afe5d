/** Deploys: requests, the durable deploy queue and the worker that runs each deploy through its target's deployer. */
@NullMarked
package dev.catapult.deploy;

import org.jspecify.annotations.NullMarked;
