/** Finding strategies and estimators in PF4J plugins loaded from plugin directories. */
package dev.trialbase.plugin;
