package dev.trialbase.api;

/**
 * One parameter an estimator accepts.
 *
 * @param name the key used in a spec's search space
 * @param type {@code float}, {@code int}, {@code bool} or {@code string}
 * @param defaultValue what the estimator uses when the parameter is absent, as text
 * @param description one line for people
 */
public record ParamInfo(String name, String type, String defaultValue, String description) {
}
