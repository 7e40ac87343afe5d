/** Apps, the deployable services, as stored in the ledger. */
@NullMarked
package dev.catapult.app;

import org.jspecify.annotations.NullMarked;
