/** Domain records and decisions of the deploy feature. JDK only. */
@NullMarked
package dev.catapult.deploy;

import org.jspecify.annotations.NullMarked;
