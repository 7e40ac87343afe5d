/** The Concourse resource type ({@code check}, {@code in}, {@code out}) on top of the CLI. */
@NullMarked
package dev.catapult.cli.concourse;

import org.jspecify.annotations.NullMarked;
