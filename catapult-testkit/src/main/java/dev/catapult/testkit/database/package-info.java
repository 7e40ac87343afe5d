/** The PostgreSQL server of a test JVM: an external one if configured, else embedded. */
@NullMarked
package dev.catapult.testkit.database;

import org.jspecify.annotations.NullMarked;
