/** Output of the CLI: tables, JSON and the fields shown. */
@NullMarked
package dev.catapult.cli.output;

import org.jspecify.annotations.NullMarked;
