/** {@code catapult watch}. */
@NullMarked
package dev.catapult.cli.watch;

import org.jspecify.annotations.NullMarked;
