/**
 * Cross-validation folds (stratified, or shuffled for regression), the metrics that score each
 * fold (two-class, multi-class and regression, named as scikit-learn's scorers) and the check
 * that a model's output can be scored. No I/O, no plugins.
 */
package dev.trialbase.eval;
