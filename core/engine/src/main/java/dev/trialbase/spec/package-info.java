/**
 * Experiment specs: the JSON or YAML file that says what to run. {@link
 * dev.trialbase.spec.SpecReader} parses and checks it into an {@link
 * dev.trialbase.spec.ExperimentSpec}; {@link dev.trialbase.spec.SpaceParser} turns its
 * {@code space} section into a {@link dev.trialbase.api.SearchSpace}.
 */
package dev.trialbase.spec;
