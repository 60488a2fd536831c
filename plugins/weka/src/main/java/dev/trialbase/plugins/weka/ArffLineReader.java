package dev.trialbase.plugins.weka;

import java.io.IOException;
import java.io.Reader;
import weka.core.converters.ArffLoader.ArffReader;

/**
 * Weka's own incremental ARFF reader, which also remembers the line each instance starts on.
 * Constructing it reads the header only; {@link #readInstance(weka.core.Instances)} then
 * returns one instance at a time, so a file is never held whole.
 *
 * <p>Why a subclass: after an instance, Weka's {@link #getLineNo()} points at the next line,
 * or at the same line when Weka stops before the line's end (it ignores surplus values), so
 * it cannot say where the instance was. Every instance, dense or sparse, starts with
 * {@link #getFirstToken()}; recording the line there is exact.
 */
final class ArffLineReader extends ArffReader {

  /** Set while the superclass constructor reads the header, so never initialised here. */
  private int firstTokenLine;

  /** Reads the header of {@code reader}. */
  ArffLineReader(Reader reader) throws IOException {
    super(reader, 1);
  }

  @Override
  protected void getFirstToken() throws IOException {
    super.getFirstToken();
    firstTokenLine = getLineNo();
  }

  /** The 1-based line on which the last instance read starts. */
  int instanceLine() {
    return firstTokenLine;
  }
}
