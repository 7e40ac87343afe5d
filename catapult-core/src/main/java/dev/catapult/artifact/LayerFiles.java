package dev.catapult.artifact;

/** One layer of an image, in manifest order: its digest and what scanning it found. */
public record LayerFiles(String layerDigest, LayerScan scan) {}
