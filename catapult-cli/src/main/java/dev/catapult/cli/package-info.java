/** The {@code catapult} command line: picocli commands, shared context, exit codes and error reporting. */
@NullMarked
package dev.catapult.cli;

import org.jspecify.annotations.NullMarked;
