/**
 * Cross-validation folds (stratified, or shuffled for regression), the metrics that score each
 * fold (two-class, multi-class and regression, named as scikit-learn's scorers) and the check
 * that a model's output can be scored. No I/O, no plugins.
 *
 * <p><b>Internal:</b> not part of Trialbase's API, and may change in any release. Programs use
 * {@code dev.trialbase.Trialbase}; plugins use {@code dev.trialbase.api}.
 */
package dev.trialbase.eval;
