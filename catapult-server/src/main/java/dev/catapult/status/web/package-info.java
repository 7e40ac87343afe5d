/** HTTP edge of the status matrix. */
@NullMarked
package dev.catapult.status.web;

import org.jspecify.annotations.NullMarked;
