/**
 * Trials as Apache Spark tasks ({@code trialbase run --executor spark --master URL}): the
 * driver (the command's JVM) proposes trials and stores their records; each trial is a one-task
 * Spark job whose task evaluates it with the run's {@link dev.trialbase.engine.TrialFunction},
 * prepared once per executor JVM from a broadcast of the spec and data and from the plugin
 * files Spark distributes. Found by the command line through
 * {@link dev.trialbase.engine.ExecutorProvider}; the command line itself never links Spark.
 */
package dev.trialbase.spark;
