/** {@code catapult release}: creating releases from a local Git repository (commits, changelog) and reading them. */
@NullMarked
package dev.catapult.cli.release;

import org.jspecify.annotations.NullMarked;
