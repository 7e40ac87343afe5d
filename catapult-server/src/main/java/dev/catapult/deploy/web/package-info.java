/** HTTP edge of the deploy feature. */
@NullMarked
package dev.catapult.deploy.web;

import org.jspecify.annotations.NullMarked;
