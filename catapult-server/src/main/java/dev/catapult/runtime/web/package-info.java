/** HTTP edge of runtime tracking: instance reads and the runtime report hook. */
@NullMarked
package dev.catapult.runtime.web;

import org.jspecify.annotations.NullMarked;
