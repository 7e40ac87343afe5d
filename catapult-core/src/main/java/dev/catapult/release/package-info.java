/** Domain records and decisions of the release feature. JDK only. */
@NullMarked
package dev.catapult.release;

import org.jspecify.annotations.NullMarked;
