/** Artifacts (image manifests) and the decisions of scanning them: which files, which paths, final views. */
@NullMarked
package dev.catapult.artifact;

import org.jspecify.annotations.NullMarked;
