/** The apps × environments status matrix. */
@NullMarked
package dev.catapult.status;

import org.jspecify.annotations.NullMarked;
