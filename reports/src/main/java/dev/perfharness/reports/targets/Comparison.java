package dev.perfharness.reports.targets;

/** What a target compares: the after variant against the before one, or one value against a number. */
public enum Comparison {
    /** (after - before) / before: -0.50 is "50 % lower". */
    RELATIVE,
    /** after / before: 3 is "three times". */
    RATIO,
    /** The after variant's value itself, in the metric's unit. */
    ABSOLUTE
}
