/**
 * Paired significance tests for {@code trialbase compare}: two runs scored on the same folds
 * give k paired fold scores, and these tests ask whether their difference is more than fold
 * noise. {@link dev.trialbase.eval.stats.CorrectedResampledTTest} corrects the paired t-test
 * for the overlap between cross-validation training sets; {@link
 * dev.trialbase.eval.stats.WilcoxonSignedRankTest} is its rank-based, distribution-free
 * companion. The special functions they need ({@link dev.trialbase.eval.stats.LogGamma},
 * {@link dev.trialbase.eval.stats.IncompleteBeta}, {@link dev.trialbase.eval.stats.StudentT},
 * {@link dev.trialbase.eval.stats.Normal}) are hand-written to keep dependencies few, and
 * tested against reference values. Pure functions, no I/O.
 */
package dev.trialbase.eval.stats;
