/** Domain records and decisions of the environment feature. JDK only. */
@NullMarked
package dev.catapult.environment;

import org.jspecify.annotations.NullMarked;
