/**
 * Runtime tracking ("what's running where"): how runtime events — ECS task and deployment state changes —
 * change what Catapult believes is running. JDK only; the server parses the wire formats into these
 * records, asks these decisions and stores the results.
 */
@NullMarked
package dev.catapult.runtime;

import org.jspecify.annotations.NullMarked;
