/**
 * Contract tests for Trialbase search strategies. A strategy plugin's test extends
 * {@link dev.trialbase.testkit.StrategyContract} and supplies its strategy; the kit checks the
 * determinism rule of {@link dev.trialbase.api.Proposer} and the rest of the contract on a set
 * of {@link dev.trialbase.testkit.ContractSpaces spaces} covering every parameter type.
 * {@link dev.trialbase.testkit.TrialRandom} and {@link dev.trialbase.testkit.ProposalRun}
 * propose trials the way the engine does, for a strategy's own tests.
 */
package dev.trialbase.testkit;
