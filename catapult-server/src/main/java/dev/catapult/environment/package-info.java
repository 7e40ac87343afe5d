/** Environments as stored in the ledger: rank, protection and approval rules. */
@NullMarked
package dev.catapult.environment;

import org.jspecify.annotations.NullMarked;
