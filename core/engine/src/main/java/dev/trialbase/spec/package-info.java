/**
 * Experiment specs: the JSON or YAML file that says what to run. {@link
 * dev.trialbase.spec.SpecReader} parses and checks it into an {@link
 * dev.trialbase.spec.ExperimentSpec}; {@link dev.trialbase.spec.SpaceParser} turns its
 * {@code space} section into a {@link dev.trialbase.api.SearchSpace}.
 *
 * <p><b>Internal:</b> not part of Trialbase's API, and may change in any release. Programs use
 * {@code dev.trialbase.Trialbase}; plugins use {@code dev.trialbase.api}.
 */
package dev.trialbase.spec;
