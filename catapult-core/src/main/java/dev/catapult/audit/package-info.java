/** Domain records and decisions of the audit feature. JDK only. */
@NullMarked
package dev.catapult.audit;

import org.jspecify.annotations.NullMarked;
