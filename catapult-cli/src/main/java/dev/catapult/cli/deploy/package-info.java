/** {@code catapult deploy}, {@code promote}, {@code rollback}, {@code approve} and {@code deploys}. */
@NullMarked
package dev.catapult.cli.deploy;

import org.jspecify.annotations.NullMarked;
