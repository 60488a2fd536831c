/**
 * Pruners that stop unpromising trials between cross-validation folds: {@code median}
 * ({@link dev.trialbase.plugins.pruners.MedianPruner}) and {@code successive-halving}
 * ({@link dev.trialbase.plugins.pruners.SuccessiveHalvingPruner}). Their decisions are pure
 * functions of (trial number, its fold scores so far, the trials below {@code n - lag}), so a
 * pruned run is the same whatever {@code --jobs} is.
 */
package dev.trialbase.plugins.pruners;
