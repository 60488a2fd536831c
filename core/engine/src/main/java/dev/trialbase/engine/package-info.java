/**
 * Runs a spec: proposes trials with the strategy, evaluates each over the cross-validation
 * folds with the estimator, and records every trial in the store as it finishes.
 */
package dev.trialbase.engine;
