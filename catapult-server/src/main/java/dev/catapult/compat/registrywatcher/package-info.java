/** registrywatcher-compatible routes ({@code /ping}, {@code /repos}, {@code /tags/…}) mapped onto watches. */
@NullMarked
package dev.catapult.compat.registrywatcher;

import org.jspecify.annotations.NullMarked;
