/** The append-only, hash-chained audit trail. */
@NullMarked
package dev.catapult.audit;

import org.jspecify.annotations.NullMarked;
