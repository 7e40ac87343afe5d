/** The Catapult server application: the Spring Boot entry point; the features live in the sub-packages. */
@NullMarked
package dev.catapult;

import org.jspecify.annotations.NullMarked;
