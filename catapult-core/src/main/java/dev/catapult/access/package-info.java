/** Domain records and decisions of the access feature. JDK only. */
@NullMarked
package dev.catapult.access;

import org.jspecify.annotations.NullMarked;
