/** Shared domain vocabulary: the exceptions that decisions raise and small value parsers. */
@NullMarked
package dev.catapult.common;

import org.jspecify.annotations.NullMarked;
