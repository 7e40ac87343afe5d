/** Streaming layer scanning: decompression, tar reading, extraction of files of interest. */
@NullMarked
package dev.catapult.artifact.scan;

import org.jspecify.annotations.NullMarked;
