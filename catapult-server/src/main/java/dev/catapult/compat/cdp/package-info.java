/**
 * Compatibility with DEFRA's cdp-portal-backend under {@code /compat/cdp}: its service, artifact, file,
 * deployable, deployment and what's-running-where reads and its two admin commands, answered from
 * Catapult's catalogue and ledger in the original JSON shapes (see docs/compat-cdp.md).
 */
@NullMarked
package dev.catapult.compat.cdp;

import org.jspecify.annotations.NullMarked;
