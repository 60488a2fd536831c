/**
 * Grid search: every point of the cartesian product of the parameters' values, in a fixed
 * order, so trial {@code n} is always the same point.
 */
package dev.trialbase.plugins.grid;
