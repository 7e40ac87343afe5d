/** {@code catapult principal} and {@code catapult token}. */
@NullMarked
package dev.catapult.cli.access;

import org.jspecify.annotations.NullMarked;
