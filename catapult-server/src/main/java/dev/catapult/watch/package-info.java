/** Level-triggered auto-deploy: evaluations of watch policies against the registry's tags. */
@NullMarked
package dev.catapult.watch;

import org.jspecify.annotations.NullMarked;
