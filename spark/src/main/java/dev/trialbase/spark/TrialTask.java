package dev.trialbase.spark;

import java.io.Serializable;

/**
 * One trial as a Spark task's input: its number and its parameters in the exact encoding of
 * {@link dev.trialbase.engine.worker.TrialBytes}.
 */
record TrialTask(long number, byte[] params) implements Serializable {
}
