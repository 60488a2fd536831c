package dev.trialbase.engine.worker;

/** The one-byte message tags of the worker protocol (see {@link WorkerMain}). */
final class Messages {

  /** Worker: the run is prepared, send trials. */
  static final byte READY = 'K';
  /** Worker: the run cannot be prepared; a message follows. */
  static final byte SETUP_FAILED = 'E';
  /** Run: evaluate this trial (number, parameters). */
  static final byte TRIAL = 'T';
  /** Worker: a fold is done; its objective scores so far follow; may the trial go on? */
  static final byte FOLD_DONE = 'F';
  /** Run: go on with the next fold. */
  static final byte GO_ON = 'C';
  /** Run: stop the trial as pruned; the reason follows. */
  static final byte PRUNE = 'P';
  /** Worker: the trial's record follows. */
  static final byte RECORD = 'R';

  private Messages() {
  }
}
