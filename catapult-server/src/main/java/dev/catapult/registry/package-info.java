/** The registries Catapult watches (from the API or the configuration file) and the clients for them. */
@NullMarked
package dev.catapult.registry;

import org.jspecify.annotations.NullMarked;
