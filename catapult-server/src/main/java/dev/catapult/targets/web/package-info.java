/** HTTP edge of the target feature. */
@NullMarked
package dev.catapult.targets.web;

import org.jspecify.annotations.NullMarked;
