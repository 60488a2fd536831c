/** Cross-validation folds and the metrics that score each fold. No I/O, no plugins. */
package dev.trialbase.eval;
