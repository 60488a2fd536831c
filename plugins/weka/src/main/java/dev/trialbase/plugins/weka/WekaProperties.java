package dev.trialbase.plugins.weka;

import java.beans.BeanInfo;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import weka.core.SelectedTag;
import weka.gui.ProgrammaticProperty;

/**
 * The properties of a Weka class that a spec can set: those Weka's GUI (its
 * {@code PropertySheetPanel}) shows, found by {@code java.beans} introspection: a getter and a
 * setter, neither hidden, expert nor marked {@code @ProgrammaticProperty}; of a type a spec can
 * write (number, boolean, text, tag or enum, or a Weka object named by class). Arrays (such as
 * {@code Vote}'s classifier list) are not offered. Also left out, because they do not change
 * the fitted model: {@code debug}, {@code batchSize} (prediction batch size),
 * {@code numDecimalPlaces} (printing) and {@code doNotCheckCapabilities} (Trialbase checks
 * capabilities before the run). Cached per class; thread-safe.
 */
final class WekaProperties {

  static final Set<String> LEFT_OUT =
      Set.of("debug", "batchSize", "numDecimalPlaces", "doNotCheckCapabilities");

  private static final Map<Class<?>, Map<String, WekaProperty>> CACHE =
      new ConcurrentHashMap<>();

  private WekaProperties() {
  }

  /** The settable properties of {@code type}, by name, in introspection (name) order. */
  static Map<String, WekaProperty> of(Class<?> type) {
    return CACHE.computeIfAbsent(type, WekaProperties::introspect);
  }

  private static Map<String, WekaProperty> introspect(Class<?> type) {
    Map<String, WekaProperty> properties = new LinkedHashMap<>();
    BeanInfo info;
    try {
      info = Introspector.getBeanInfo(type, Object.class);
    } catch (IntrospectionException e) {
      return Map.of();
    }
    for (PropertyDescriptor d : info.getPropertyDescriptors()) {
      Method read = d.getReadMethod();
      Method write = d.getWriteMethod();
      if (read == null || write == null || d.isHidden() || d.isExpert()
          || LEFT_OUT.contains(d.getName())
          || read.isAnnotationPresent(ProgrammaticProperty.class)
          || write.isAnnotationPresent(ProgrammaticProperty.class)) {
        continue;
      }
      WekaProperty.Kind kind = kind(d.getPropertyType());
      if (kind != null) {
        properties.put(d.getName(), new WekaProperty(d.getName(), kind, d));
      }
    }
    return java.util.Collections.unmodifiableMap(properties);
  }

  private static WekaProperty.Kind kind(Class<?> t) {
    if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
      return WekaProperty.Kind.FLOAT;
    }
    if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
      return WekaProperty.Kind.INT;
    }
    if (t == boolean.class || t == Boolean.class) {
      return WekaProperty.Kind.BOOL;
    }
    if (t == String.class) {
      return WekaProperty.Kind.STRING;
    }
    if (t == SelectedTag.class || t.isEnum()) {
      return WekaProperty.Kind.TAG;
    }
    if (!t.isArray() && !t.isPrimitive() && t.getName().startsWith("weka.")) {
      return WekaProperty.Kind.CLASS;
    }
    return null;
  }
}
