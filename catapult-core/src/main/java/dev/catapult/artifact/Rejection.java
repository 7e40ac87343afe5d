package dev.catapult.artifact;

/** A tar entry the scanner refused or neutralised, with the reason (absolute path, {@code ..}, device…). */
public record Rejection(String entry, String reason) {}
