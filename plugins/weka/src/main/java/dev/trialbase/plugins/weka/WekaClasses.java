package dev.trialbase.plugins.weka;

import dev.trialbase.api.InvalidParamsException;
import dev.trialbase.api.Suggestions;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Finds Weka classes by short name ({@code J48}, {@code RBFKernel}, {@code Standardize}) or
 * full name. Short names are looked up in an index of every class in Weka's own jar, read
 * once: no hand-kept list, and Weka's {@code GenericPropertiesCreator} is not needed (it
 * consults Weka's package manager). A short name that several usable classes share is an
 * error listing them; classes from Weka packages installed in {@code WEKA_HOME} are not
 * indexed but work by full name when on the plugin's class path. Thread-safe.
 */
final class WekaClasses {

  /** Simple name to the full names of Weka's top-level classes with that name. */
  private static volatile Map<String, List<String>> index;

  private WekaClasses() {
  }

  /**
   * The concrete class named {@code name} that can be assigned to {@code type}.
   *
   * @param key the spec key, for messages
   * @throws InvalidParamsException naming the candidates or the nearest name
   */
  static Class<?> resolve(String key, String name, Class<?> type) throws InvalidParamsException {
    String what = what(type);
    if (name == null || name.isBlank()) {
      throw new InvalidParamsException(key + ": name " + what + " class, such as "
          + example(type));
    }
    List<Class<?>> found = new ArrayList<>();
    List<String> names = name.contains(".") ? List.of(name)
        : index().getOrDefault(name, List.of());
    for (String full : names) {
      Class<?> c = load(full);
      if (c != null && usable(c, type)) {
        found.add(c);
      }
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    if (found.size() > 1) {
      throw new InvalidParamsException(key + ": '" + name + "' is ambiguous; give one of "
          + found.stream().map(Class::getName).toList());
    }
    Class<?> loaded = name.contains(".") ? load(name) : null;
    if (loaded != null) {
      throw new InvalidParamsException(key + ": " + name + " is not " + what
          + (Modifier.isAbstract(loaded.getModifiers()) ? " that can be created" : ""));
    }
    if (!names.isEmpty()) {
      throw new InvalidParamsException(key + ": " + names.get(0) + " is not " + what);
    }
    throw new InvalidParamsException(key + ": Weka has no " + what.substring(
        what.indexOf(' ') + 1) + " '" + name + "'" + suggestion(name, type));
  }

  /** A new instance of {@code c}, by its public no-argument constructor. */
  static Object create(String key, Class<?> c) throws InvalidParamsException {
    try {
      return c.getConstructor().newInstance();
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      throw new InvalidParamsException(key + ": cannot create " + c.getName() + ": " + e);
    }
  }

  /** An example name of a class of {@code type}, for messages. */
  static String example(Class<?> type) {
    return switch (type.getSimpleName()) {
      case "Classifier" -> "J48 or weka.classifiers.trees.J48";
      case "Filter" -> "Standardize";
      case "Kernel" -> "RBFKernel";
      default -> "a class implementing " + type.getName();
    };
  }

  private static String what(Class<?> type) {
    return switch (type.getSimpleName()) {
      case "Classifier" -> "a classifier";
      case "Filter" -> "a filter";
      case "Kernel" -> "a kernel";
      default -> "a " + type.getSimpleName();
    };
  }

  /** The nearest short name whose class fits {@code type}, as "; did you mean ...". */
  private static String suggestion(String name, Class<?> type) {
    String simple = name.substring(name.lastIndexOf('.') + 1);
    List<String> near = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : index().entrySet()) {
      if (Suggestions.near(simple, e.getKey())) {
        for (String full : e.getValue()) {
          Class<?> c = load(full);
          if (c != null && usable(c, type)) {
            near.add(e.getKey());
            break;
          }
        }
      }
    }
    return Suggestions.didYouMean(simple, near);
  }

  private static boolean usable(Class<?> c, Class<?> type) {
    return type.isAssignableFrom(c) && !c.isInterface()
        && !Modifier.isAbstract(c.getModifiers()) && Modifier.isPublic(c.getModifiers());
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, WekaClasses.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private static Map<String, List<String>> index() {
    Map<String, List<String>> current = index;
    if (current == null) {
      synchronized (WekaClasses.class) {
        if (index == null) {
          index = read();
        }
        current = index;
      }
    }
    return current;
  }

  /** Every top-level class in the jar that holds {@code weka.core.Instances}. */
  private static Map<String, List<String>> read() {
    Map<String, List<String>> found = new TreeMap<>();
    try {
      Path jar = Path.of(weka.core.Instances.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
      try (JarFile file = new JarFile(jar.toFile())) {
        for (JarEntry entry : Collections.list(file.entries())) {
          String n = entry.getName();
          if (n.startsWith("weka/") && n.endsWith(".class") && !n.contains("$")) {
            String full = n.substring(0, n.length() - 6).replace('/', '.');
            String simple = full.substring(full.lastIndexOf('.') + 1);
            found.computeIfAbsent(simple, k -> new ArrayList<>()).add(full);
          }
        }
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // Without the index only full class names resolve; the error says so.
      return Map.of();
    }
    return Collections.unmodifiableMap(found);
  }
}
