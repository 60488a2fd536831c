/**
 * Estimators that exist only for tests and benchmarks, loaded as a plugin like any other:
 * {@link dev.trialbase.plugins.testing.NoopEstimator} measures the framework's own overhead,
 * {@link dev.trialbase.plugins.testing.CpuEstimator} gives benchmarks CPU-bound trials, and
 * {@link dev.trialbase.plugins.testing.FaultyEstimator} fails in the ways real estimators do.
 */
package dev.trialbase.plugins.testing;
