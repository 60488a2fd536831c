/**
 * Paired significance tests for {@code trialbase compare}: two runs scored on the same folds
 * give k paired fold scores, and these tests ask whether their difference is more than fold
 * noise. {@link dev.trialbase.eval.stats.CorrectedResampledTTest} corrects the paired t-test
 * for the overlap between cross-validation training sets; {@link
 * dev.trialbase.eval.stats.WilcoxonSignedRankTest} is its rank-based, distribution-free
 * companion, its exact null distribution computed here by counting rank sums. The t and normal
 * distributions ({@link dev.trialbase.eval.stats.StudentT}, {@link
 * dev.trialbase.eval.stats.Normal}) come from Apache Commons Statistics, whose classes load
 * only when {@code compare} runs a test; they are checked against closed forms and scipy
 * values. Pure functions, no I/O.
 *
 * <p><b>Internal:</b> not part of Trialbase's API, and may change in any release. Programs use
 * {@code dev.trialbase.Trialbase}; plugins use {@code dev.trialbase.api}.
 */
package dev.trialbase.eval.stats;
