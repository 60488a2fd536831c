package dev.trialbase.api;

import java.nio.file.Path;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Reads one file format into Trialbase's data model. A stateless factory like the other
 * extension points: the engine picks a format by the spec's {@code data.format}, else by the
 * file name's suffix, and hands it a {@link TableReceiver} that checks the shape and builds the
 * {@link Dataset}. CSV is built in; ARFF comes with the Weka plugin, whose own loader reads it.
 */
public interface DataFormat extends ExtensionPoint {

  /** The name a spec uses in {@code data.format}, such as {@code arff}. */
  String name();

  /** One line for {@code trialbase plugins}. */
  String description();

  /** File-name suffixes this format claims, lower case with the dot, such as {@code .arff}. */
  List<String> suffixes();

  /**
   * Reads {@code file}: first {@link TableReceiver#columns} once, then
   * {@link TableReceiver#row} for every data row, in file order. A format that declares its
   * columns up front (ARFF) reports them before reading any row, so a wrong target or task is
   * reported before a bad cell.
   *
   * @throws DataFormatException when the file cannot be read as this format; say where
   * @throws java.io.IOException when the file cannot be read at all
   */
  void read(Path file, TableReceiver receiver) throws DataFormatException, java.io.IOException;
}
