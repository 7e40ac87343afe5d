/** {@code catapult status}. */
@NullMarked
package dev.catapult.cli.status;

import org.jspecify.annotations.NullMarked;
