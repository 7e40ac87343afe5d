/** Loopback HTTP servers for stand-ins of systems that cannot run in a test. */
@NullMarked
package dev.catapult.testkit.http;

import org.jspecify.annotations.NullMarked;
