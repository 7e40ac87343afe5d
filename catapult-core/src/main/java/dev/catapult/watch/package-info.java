/**
 * Watch policies (SPEC §6) as pure decisions: which registry tag a target should run under its policy, given
 * the registry's current tags and what is deployed, and whether an auto-deploy hold is in force. JDK only.
 *
 * <p>Read {@link dev.catapult.watch.TagSelection} first.
 */
@NullMarked
package dev.catapult.watch;

import org.jspecify.annotations.NullMarked;
