/**
 * An example estimator plugin for Trialbase: k nearest neighbours ({@code knn}) for
 * classification and regression over numeric and nominal attributes with missing cells.
 */
package dev.trialbase.examples.knn;
