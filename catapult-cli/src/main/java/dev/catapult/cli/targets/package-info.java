/** {@code catapult target}. */
@NullMarked
package dev.catapult.cli.targets;

import org.jspecify.annotations.NullMarked;
