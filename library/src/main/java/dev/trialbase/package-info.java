/**
 * Trialbase as a Java library: {@link dev.trialbase.Trialbase} is the entry point; with
 * {@link dev.trialbase.Spec} and {@link dev.trialbase.Space} to build specs in code, and
 * {@link dev.trialbase.RunInfo}, {@link dev.trialbase.TrialInfo} and
 * {@link dev.trialbase.Reproduction} for what it reads back. An objective is a
 * {@link dev.trialbase.api.Objective}, from the plugin API.
 *
 * <h2>What is API</h2>
 * This package and {@code dev.trialbase.api} (the plugin contract) are the public API: they
 * change compatibly within a minor version. Every other package — {@code dev.trialbase.spec},
 * {@code .engine}, {@code .store}, {@code .store.filter}, {@code .data}, {@code .eval},
 * {@code .eval.stats}, {@code .plugin}, {@code .report}, {@code .cli} — is internal: public
 * only so Trialbase's own modules can share it, and free to change in any release.
 */
package dev.trialbase;
