/** HTTP edge of the server plumbing: health. */
@NullMarked
package dev.catapult.platform.web;

import org.jspecify.annotations.NullMarked;
