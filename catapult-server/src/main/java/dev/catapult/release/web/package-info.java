/** HTTP edge of the release feature. */
@NullMarked
package dev.catapult.release.web;

import org.jspecify.annotations.NullMarked;
