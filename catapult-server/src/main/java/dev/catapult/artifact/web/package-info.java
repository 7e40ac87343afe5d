/** HTTP edge of the artifact catalogue and the registry notification hook. */
@NullMarked
package dev.catapult.artifact.web;

import org.jspecify.annotations.NullMarked;
