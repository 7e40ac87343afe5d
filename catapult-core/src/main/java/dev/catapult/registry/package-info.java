/** Container registries: the OCI Distribution port and the records it speaks. */
@NullMarked
package dev.catapult.registry;

import org.jspecify.annotations.NullMarked;
