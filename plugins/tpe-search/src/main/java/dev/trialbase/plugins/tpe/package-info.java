/**
 * The {@code tpe} strategy: Tree-structured Parzen Estimator search (Bergstra et al. 2011)
 * with Optuna's documented defaults, a pure function of (space, options, trial number,
 * random stream, history below {@code n - lag}) so that parallel runs are reproducible.
 * {@link dev.trialbase.plugins.tpe.TpeSearch} is the extension; the Parzen estimators are
 * {@link dev.trialbase.plugins.tpe.NumericMixture} and
 * {@link dev.trialbase.plugins.tpe.CategoricalMixture}.
 */
package dev.trialbase.plugins.tpe;
