/** HTTP edge of the registry feature. */
@NullMarked
package dev.catapult.registry.web;

import org.jspecify.annotations.NullMarked;
