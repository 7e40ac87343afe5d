/** HTTP edge of the app feature. */
@NullMarked
package dev.catapult.app.web;

import org.jspecify.annotations.NullMarked;
