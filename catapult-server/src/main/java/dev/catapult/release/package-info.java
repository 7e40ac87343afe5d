/** The release ledger: gapless versions per app, and resolution of image tags to digests. */
@NullMarked
package dev.catapult.release;

import org.jspecify.annotations.NullMarked;
