/**
 * The contract between Trialbase and its plugins.
 *
 * <p>Five extension points: {@link dev.trialbase.api.SearchStrategy} proposes parameter sets,
 * {@link dev.trialbase.api.Estimator} fits and predicts, {@link dev.trialbase.api.DataFormat}
 * reads a file format, {@link dev.trialbase.api.Pruner} stops unpromising trials between folds,
 * {@link dev.trialbase.api.ObjectiveFunction} provides an {@link dev.trialbase.api.Objective}:
 * any Java function of a trial's parameters, scored instead of a cross-validated estimator.
 * All are stateless factories that PF4J creates with a no-arg constructor; strategies,
 * estimators and pruners hand back a per-run object ({@link dev.trialbase.api.Proposer},
 * {@link dev.trialbase.api.Model}, {@link dev.trialbase.api.PruningRule}). Search spaces
 * ({@link dev.trialbase.api.Distribution}), parameter values ({@link dev.trialbase.api.ParamSet})
 * and data ({@link dev.trialbase.api.Dataset} of typed {@link dev.trialbase.api.Attribute}s,
 * for a {@link dev.trialbase.api.Task}) are immutable values shared by all.
 */
package dev.trialbase.api;
