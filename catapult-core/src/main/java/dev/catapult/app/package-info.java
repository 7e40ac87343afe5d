/** Domain records and decisions of the app feature. JDK only. */
@NullMarked
package dev.catapult.app;

import org.jspecify.annotations.NullMarked;
