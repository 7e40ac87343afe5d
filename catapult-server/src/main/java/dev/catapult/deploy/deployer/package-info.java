/** The deployers that need no adapter package: {@code record} (ledger only) and {@code webhook}. */
@NullMarked
package dev.catapult.deploy.deployer;

import org.jspecify.annotations.NullMarked;
