/** The server jar run as a child process, for the end-to-end tests and the benchmarks. */
@NullMarked
package dev.catapult.testkit.server;

import org.jspecify.annotations.NullMarked;
