/** The artifact catalogue: registry intake and polling, tag sync, image scanning jobs and their read side. */
@NullMarked
package dev.catapult.artifact;

import org.jspecify.annotations.NullMarked;
