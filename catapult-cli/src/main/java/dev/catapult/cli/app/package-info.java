/** {@code catapult app}. */
@NullMarked
package dev.catapult.cli.app;

import org.jspecify.annotations.NullMarked;
