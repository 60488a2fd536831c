/**
 * Weka's ridge-regularised logistic regression as a Trialbase estimator, speaking both Weka's
 * own parameter names and scikit-learn's ({@code C}, {@code penalty}, {@code solver}).
 */
package dev.trialbase.plugins.weka;
