/**
 * Random search: each parameter drawn independently from the trial's own random stream, so
 * trial {@code n} of a run is the same whatever the order or number of workers.
 */
package dev.trialbase.plugins.random;
