package dev.perfharness.config;

/** The two sides of a seed's change: what the code did before it, and what it does after. */
public enum Variant { BEFORE, AFTER }
