/**
 * What the library and the command line share to execute trials ({@link
 * dev.trialbase.internal.Searches}).
 *
 * <p><b>Internal:</b> not part of Trialbase's API, and may change in any release. Programs use
 * {@code dev.trialbase.Trialbase}; plugins use {@code dev.trialbase.api}.
 */
package dev.trialbase.internal;
