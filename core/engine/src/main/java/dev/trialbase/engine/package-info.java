/**
 * Runs a spec: proposes trials with the strategy, evaluates each over the cross-validation
 * folds with the estimator, and records every trial in the store as it finishes.
 *
 * <p><b>Internal:</b> not part of Trialbase's API, and may change in any release. Programs use
 * {@code dev.trialbase.Trialbase}; plugins use {@code dev.trialbase.api}.
 */
package dev.trialbase.engine;
