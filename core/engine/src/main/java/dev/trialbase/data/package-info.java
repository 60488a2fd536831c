/**
 * Reading data files into {@link dev.trialbase.api.Dataset}s, and fingerprinting them.
 *
 * <p><b>Flow.</b> The engine calls {@link dev.trialbase.data.DataFiles}: it refuses anything but
 * a regular file, picks a {@link dev.trialbase.api.DataFormat} through a
 * {@link dev.trialbase.data.FormatLookup} (by the spec's {@code data.format}, else by suffix;
 * CSV is built in, other formats such as ARFF come from plugins), and lets the format deliver
 * columns and rows to an engine-side {@link dev.trialbase.api.TableReceiver}:
 * {@link dev.trialbase.data.DatasetAssembler} for a training file,
 * {@link dev.trialbase.data.TestSetAssembler} for a test file. Every failure becomes one
 * {@link dev.trialbase.data.DataException} starting with the file: {@code <file>: line L,
 * column 'c': ...} for a cell, {@code <file>: ...} for the file's shape. Shape errors (target
 * absent, task, class count, column types) come before cell errors, because formats report
 * columns before rows. Error messages quote file content only as short printable excerpts.
 *
 * <p><b>CSV typing.</b> A CSV file declares no types, so {@link dev.trialbase.data.CsvFormat}
 * reads the file twice: the first pass types each column, the second decodes the cells. A
 * column is numeric when every non-missing cell is a decimal or scientific number (not Java's
 * {@code 0x1p3} or {@code 2.5d}; {@code inf} is text), else nominal. A nominal column's values
 * are its distinct texts as written, so {@code 01} and {@code 1} are two values; they are
 * ordered numerically when all are numbers (the same number in two spellings by text), else
 * by {@link java.lang.String#compareTo} ({@code false} before {@code true}). Missing cells are
 * the {@link dev.trialbase.data.MissingMarkers markers}, in features and target alike.
 *
 * <p><b>Which side decides the target's kind.</b> The task is inferred from the target's kind:
 * nominal is classification, numeric is regression. For CSV there is one exception: a numeric
 * target of at most 20 distinct integers is read as classes, so a 0/1 column is a two-class
 * target, unless {@code task: regression} says otherwise; {@code task: classification} makes
 * any numeric target classes. The CSV reader applies this itself, told the target and task by a
 * {@link dev.trialbase.data.CsvTyping}, because only it still has the texts, and classes keep
 * their texts as written. Formats that declare types (ARFF) need no such help: the assembler
 * checks their declared target against the task, and turns a declared numeric target into
 * classes by value only when {@code task: classification} asks (labels print without a
 * trailing {@code .0}).
 *
 * <p><b>Test files</b> are aligned to the training set by column name, in any order; a missing
 * or extra column is an error. Cells arrive encoded against the file's own attributes and are
 * mapped through their texts to the training attributes (for CSV, columns nominal in training
 * are read as text whatever they hold). A nominal feature value unseen in training is read as
 * missing, as Weka's {@code InputMappedClassifier} does, and counted per column in the
 * {@link dev.trialbase.data.TestSet} so the engine can warn; an unseen class label is an error.
 *
 * <p><b>Memory.</b> Rows are kept as one {@code double[]} each, with no per-cell objects; a CSV
 * reader never holds the file's texts, only each nominal column's distinct values (and, while a
 * column still looks numeric, up to 1024 of its texts).
 *
 * <p><b>Internal:</b> not part of Trialbase's API, and may change in any release. Programs use
 * {@code dev.trialbase.Trialbase}; plugins use {@code dev.trialbase.api}.
 */
package dev.trialbase.data;
