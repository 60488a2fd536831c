package dev.trialbase.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trialbase.api.Suggestions;
import dev.trialbase.eval.Metric;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a spec from JSON ({@code .json}) or YAML ({@code .yaml}, {@code .yml}), checks it and
 * fills defaults. Every error is a {@link SpecException} naming the file and, where the parser
 * knows them, the line, column and key.
 */
public final class SpecReader {

  /** Folds when the spec says none, as in scikit-learn. */
  public static final int DEFAULT_FOLDS = 5;
  /** The values {@code data.task} may take. */
  public static final List<String> TASKS =
      java.util.Arrays.stream(dev.trialbase.api.Task.values()).map(dev.trialbase.api.Task::id).toList();

  // ACCEPT_FLOAT_AS_INT off: "folds: 2.5" is a wrong type, not silently 2 folds. Text is not
  // turned into numbers or booleans either ("folds": "5" is a mistake worth naming), and a key
  // given twice is an error rather than the last one silently winning.
  private static final ObjectMapper JSON = strict(JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
  private static final ObjectMapper YAML = strict(YAMLMapper.builder());

  private SpecReader() {
  }

  private static ObjectMapper strict(MapperBuilder<?, ?> builder) {
    for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float,
        LogicalType.Boolean)) {
      builder.withCoercionConfig(type,
          c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }
    return builder
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  /** Reads, checks and completes the spec in {@code file}. */
  public static LoadedSpec read(Path file) {
    return read(text(file), file);
  }

  /**
   * Reads, checks and completes a spec given as {@code text} (JSON, or YAML when {@code file}
   * ends in {@code .yaml}/{@code .yml}) rather than read from a file: a spec built in code.
   * {@code file} names it in messages, and relative data paths resolve against its folder.
   */
  public static LoadedSpec read(String text, Path file) {
    ExperimentSpec raw = parse(file, text);
    try {
      ExperimentSpec spec = complete(file, raw);
      return new LoadedSpec(file, spec, SpaceParser.parse(spec.space()));
    } catch (SpecException e) {
      throw new SpecException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The spec a run stored (canonical JSON), with its data read from {@code train} and
   * {@code test} (absolute paths recorded with the run; {@code test} may be null) so that
   * reproducing or resuming does not depend on where the spec file is now.
   */
  public static LoadedSpec fromStored(String specJson, Path specFile, Path train, Path test) {
    ExperimentSpec stored;
    try {
      stored = JSON.readValue(specJson, ExperimentSpec.class);
    } catch (JsonProcessingException e) {
      throw new SpecException("the stored spec cannot be read: " + e.getOriginalMessage(), e);
    }
    ExperimentSpec.Data data = stored.data() == null || train == null ? null
        : stored.data().withFiles(train.toAbsolutePath().toString(),
            test == null ? null : test.toAbsolutePath().toString());
    ExperimentSpec spec = complete(specFile, new ExperimentSpec(stored.experiment(),
        stored.description(), data, stored.estimator(), stored.strategy(), stored.space(),
        stored.trials(), stored.folds(), stored.metrics(), stored.objective(), stored.seed(),
        stored.trialTimeoutSeconds(), stored.pruner(), stored.function(), stored.direction()));
    return new LoadedSpec(specFile, spec, SpaceParser.parse(spec.space()));
  }

  private static String text(Path file) {
    if (!Files.exists(file)) {
      throw new SpecException(file + ": no such spec file");
    }
    if (Files.isDirectory(file)) {
      throw new SpecException(file + ": is a directory; give the spec file inside it");
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(
          java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
      if (text.isBlank()) {
        throw new SpecException(file + ": the spec file is empty");
      }
      if (text.indexOf('\0') >= 0) {
        throw new CharacterCodingException();
      }
      return text;
    } catch (CharacterCodingException e) {
      throw new SpecException(file + ": is not a text file; a spec is JSON or YAML");
    } catch (IOException e) {
      throw new SpecException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static ExperimentSpec parse(Path file, String text) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
    SpecTokens.check(file, mapper, text);
    try {
      ExperimentSpec spec = mapper.readValue(text, ExperimentSpec.class);
      if (spec == null) {
        throw new SpecException(file + ": the spec file is empty");
      }
      return spec;
    } catch (UnrecognizedPropertyException e) {
      String key = e.getPropertyName();
      Collection<Object> known = e.getKnownPropertyIds();
      throw new SpecException(where(file, keyLocation(mapper, text, e)) + "unknown key '"
          + path(e, key)
          + "'" + suggestion(key, known) + "; known keys here: "
          + known.stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
    } catch (MismatchedInputException e) {
      String got = got(mapper, text, e);
      if (e.getPath().isEmpty()) {
        // Not about a key: a comment-only YAML file, a spec that is not an object, or more
        // after the JSON object.
        if (e.getOriginalMessage().startsWith("No content to map")) {
          throw new SpecException(file + ": the spec file is empty");
        }
        if (e.getTargetType() == ExperimentSpec.class && got != null
            && !got.equals("an object")) {
          throw new SpecException(where(file, e.getLocation()) + "a spec must be "
              + expected(ExperimentSpec.class) + "; got " + got);
        }
        throw new SpecException(where(file, e.getLocation()) + "not valid "
            + (mapper == YAML ? "YAML" : "JSON") + ": " + Messages.firstLine(e.getOriginalMessage()));
      }
      String problem = got != null && e.getTargetType() != null
          ? "expected " + expected(e.getTargetType()) + ", got " + got
          : Messages.firstLine(e.getOriginalMessage()).replaceAll(" \\(for Object.*", "")
              .replaceAll(" \\(but could if coercion.*", "")
              .replaceAll("`[a-z.]+\\.ExperimentSpec\\$?", "`");
      throw new SpecException(where(file, e.getLocation()) + "wrong type for '" + path(e, null)
          + "': " + problem);
    } catch (JsonProcessingException e) {
      // YAML's messages add an excerpt with a caret on further lines; the position is enough.
      throw new SpecException(where(file, e.getLocation()) + "not valid "
          + (mapper == YAML ? "YAML" : "JSON") + ": " + Messages.firstLine(e.getOriginalMessage()));
    }
  }

  /**
   * Where the unknown key starts in {@code text}. Jackson reports an unknown key of a record
   * only when the record's object has been read, at that object's end, so look the key up.
   */
  private static JsonLocation keyLocation(ObjectMapper mapper, String text,
      UnrecognizedPropertyException e) {
    List<String> wanted = new ArrayList<>();
    for (var ref : e.getPath()) {
      wanted.add(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
    }
    if (wanted.isEmpty() || !wanted.get(wanted.size() - 1).equals(e.getPropertyName())) {
      wanted.add(e.getPropertyName());
    }
    try (JsonParser p = mapper.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME && wanted.equals(pathOf(p.getParsingContext()))) {
          return p.currentTokenLocation();
        }
      }
    } catch (IOException ignored) {
      // fall back to where Jackson stopped
    }
    return e.getLocation();
  }

  static List<String> pathOf(JsonStreamContext context) {
    LinkedList<String> names = new LinkedList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      names.addFirst(c.inObject() ? c.getCurrentName() : "[" + c.getCurrentIndex() + "]");
    }
    return names;
  }


  /** What a spec key of Java type {@code type} holds, in the spec's words. */
  private static String expected(Class<?> type) {
    if (type == Integer.class || type == Long.class || type == int.class || type == long.class
        || type == Short.class || type == short.class) {
      return "a whole number";
    }
    if (type == Double.class || type == Float.class || type == double.class
        || type == float.class || Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == String.class) {
      return "text";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (type.isRecord()) {
      return "an object with keys " + Arrays.stream(type.getRecordComponents())
          .map(java.lang.reflect.RecordComponent::getName).collect(Collectors.joining(", "));
    }
    return "an object";
  }

  /**
   * The value at the key {@code e} complains about, in the spec's words, or null when it
   * cannot be found. The parser that failed is closed by then, so read the text again.
   */
  private static String got(ObjectMapper mapper, String text, MismatchedInputException e) {
    List<String> wanted = new ArrayList<>();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() == null) {
        return null; // a list element: Jackson's own words will do
      }
      wanted.add(ref.getFieldName());
    }
    try (JsonParser p = mapper.createParser(text)) {
      JsonToken t = p.nextToken();
      if (!wanted.isEmpty()) {
        for (; t != null; t = p.nextToken()) {
          if (t == JsonToken.FIELD_NAME && wanted.equals(pathOf(p.getParsingContext()))) {
            t = p.nextToken();
            break;
          }
        }
      }
      if (t == null) {
        return null;
      }
      return switch (t) {
        case VALUE_STRING -> "text \"" + p.getText() + "\"";
        case VALUE_NUMBER_INT -> "the whole number " + p.getText();
        case VALUE_NUMBER_FLOAT -> "the number " + p.getText();
        case VALUE_TRUE, VALUE_FALSE -> p.getText();
        case VALUE_NULL -> "null";
        case START_ARRAY -> "a list";
        case START_OBJECT -> "an object";
        default -> null;
      };
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }

  static String where(Path file, JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return file + ": ";
    }
    return file + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
  }

  private static String path(MismatchedInputException e, String last) {
    List<String> parts = new ArrayList<>();
    for (var ref : e.getPath()) {
      parts.add(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
    }
    if (last != null && (parts.isEmpty() || !parts.get(parts.size() - 1).equals(last))) {
      parts.add(last);
    }
    return String.join(".", parts).replace(".[", "[");
  }

  private static String suggestion(String key, Collection<Object> known) {
    return Suggestions.didYouMean(key, known);
  }

  /** Checks required keys and fills defaults. */
  static ExperimentSpec complete(Path file, ExperimentSpec s) {
    if (s.function() != null) {
      return FunctionSpecs.complete(file, s);
    }
    require(s.direction() == null, "'direction' is for function runs; an estimator's "
        + "objective metric has its own direction");
    require(s.data() != null, "'data' is missing: give data.train and data.target");
    require(s.data().train() != null, "'data.train' is missing: the training data file");
    require(s.data().task() == null || dev.trialbase.api.Task.byId(s.data().task()).isPresent(),
        "'data.task' must be one of " + String.join(", ", TASKS) + ", got '" + s.data().task()
            + "'");
    require(s.estimator() != null && s.estimator().name() != null,
        "'estimator.name' is missing, e.g. \"estimator\": {\"name\": \"weka-logistic\"}");
    require(s.strategy() != null && s.strategy().name() != null,
        "'strategy.name' is missing, e.g. \"strategy\": {\"name\": \"grid\"}");
    require(s.pruner() == null || s.pruner().name() != null,
        "'pruner.name' is missing, e.g. \"pruner\": {\"name\": \"median\"}");
    require(s.trials() == null || s.trials() > 0,
        "'trials' must be at least 1, got " + s.trials());
    int folds = s.folds() == null ? DEFAULT_FOLDS : s.folds();
    require(folds >= 2, "'folds' must be at least 2, got " + folds);
    require(s.trialTimeoutSeconds() == null || s.trialTimeoutSeconds() > 0,
        "'trialTimeoutSeconds' must be positive, got " + s.trialTimeoutSeconds());
    // Defaults for metrics and objective depend on the task, known once the data is read.
    String objective = s.objective();
    List<String> metrics = s.metrics() == null ? null : new ArrayList<>(s.metrics());
    if (metrics != null) {
      metrics.forEach(m -> checkMetric("metrics", m));
      require(metrics.stream().distinct().count() == metrics.size(),
          "'metrics' names a metric twice: " + metrics);
    }
    if (objective != null) {
      checkMetric("objective", objective);
      if (metrics != null && !metrics.contains(objective)) {
        metrics.add(0, objective);
      }
    }
    String experiment = s.experiment() != null ? s.experiment()
        : file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    return new ExperimentSpec(experiment, s.description(), s.data(), s.estimator(), s.strategy(),
        s.space(), s.trials(), folds, metrics == null ? null : List.copyOf(metrics), objective,
        s.seed(), s.trialTimeoutSeconds(), s.pruner(), null, null);
  }

  private static void checkMetric(String key, String id) {
    try {
      Metric.byId(id);
    } catch (IllegalArgumentException e) {
      List<Object> known = Arrays.stream(Metric.values()).map(m -> (Object) m.id()).toList();
      String hint = id == null ? "" : suggestion(id, known);
      throw new SpecException("'" + key + "': unknown metric '" + id + "'" + hint
          + "; known metrics: " + known.stream().map(Object::toString)
          .collect(Collectors.joining(", ")));
    }
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new SpecException(message);
    }
  }
}
