/** Reading datasets from CSV files and fingerprinting them for provenance. */
package dev.trialbase.data;
