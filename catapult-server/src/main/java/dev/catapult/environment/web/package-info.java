/** HTTP edge of the environment feature. */
@NullMarked
package dev.catapult.environment.web;

import org.jspecify.annotations.NullMarked;
