/** Cross-cutting server plumbing: configuration, database, HTTP errors, request limits, health. */
@NullMarked
package dev.catapult.platform;

import org.jspecify.annotations.NullMarked;
