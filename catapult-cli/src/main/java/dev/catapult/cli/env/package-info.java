/** {@code catapult env}. */
@NullMarked
package dev.catapult.cli.env;

import org.jspecify.annotations.NullMarked;
