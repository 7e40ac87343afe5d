/** {@code catapult audit}. */
@NullMarked
package dev.catapult.cli.audit;

import org.jspecify.annotations.NullMarked;
