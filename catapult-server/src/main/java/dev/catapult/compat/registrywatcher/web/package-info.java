/** HTTP edge of the registrywatcher-compatible routes. */
@NullMarked
package dev.catapult.compat.registrywatcher.web;

import org.jspecify.annotations.NullMarked;
