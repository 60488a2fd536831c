package dev.trialbase.plugins.weka;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.Dataset;
import java.util.ArrayList;
import java.util.List;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Converts a {@link Dataset} into Weka's {@link Instances} without translating a cell: the
 * dataset already encodes cells as Weka does (nominal value index, NaN for missing). Every
 * feature becomes a Weka numeric or nominal attribute with the same values in the same order;
 * the target becomes the last attribute and the class: nominal with the class labels for
 * classification, numeric for regression.
 *
 * <p>An estimator builds the {@link #header} once per fit, fills it with {@link #instances}
 * and keeps the header to make prediction rows with {@link #instance}. Each row costs one
 * array (features plus the class cell): Weka's {@code Instances.add} copies only the
 * {@code DenseInstance} wrapper, not its values.
 */
final class WekaData {

  private WekaData() {
  }

  /** An empty data set with the attributes of {@code data}, class last and set. */
  static Instances header(Dataset data) {
    ArrayList<weka.core.Attribute> attributes = new ArrayList<>(data.featureCount() + 1);
    for (Attribute feature : data.attributes()) {
      attributes.add(weka(feature, feature.name()));
    }
    attributes.add(weka(data.target(), classAttributeName(data)));
    Instances header = new Instances("trialbase", attributes, 0);
    header.setClassIndex(attributes.size() - 1);
    return header;
  }

  /** The rows of {@code data}, with their targets, in {@code header}'s format. */
  static Instances instances(Instances header, Dataset data) {
    Instances out = new Instances(header, data.size());
    double[][] features = data.features();
    double[] targets = data.targets();
    for (int i = 0; i < features.length; i++) {
      out.add(row(out, features[i], targets[i]));
    }
    return out;
  }

  /** One row to predict, attached to {@code header}, with its class missing. */
  static Instance instance(Instances header, double[] features) {
    return row(header, features, Utils.missingValue());
  }

  private static Instance row(Instances header, double[] features, double target) {
    int featureCount = header.numAttributes() - 1;
    if (features.length != featureCount) {
      throw new IllegalArgumentException("a row has " + features.length
          + " features but the model was fitted on " + featureCount);
    }
    double[] values = new double[featureCount + 1];
    System.arraycopy(features, 0, values, 0, featureCount);
    values[featureCount] = target;
    Instance instance = new DenseInstance(1.0, values);
    instance.setDataset(header);
    return instance;
  }

  private static weka.core.Attribute weka(Attribute attribute, String name) {
    return attribute.isNominal()
        ? new weka.core.Attribute(name, new ArrayList<>(attribute.values()))
        : new weka.core.Attribute(name);
  }

  /** The target's name, or a variant no feature uses (Weka needs unique attribute names). */
  private static String classAttributeName(Dataset data) {
    List<String> featureNames = data.featureNames();
    String name = data.target().name();
    while (featureNames.contains(name)) {
      name = "_" + name;
    }
    return name;
  }
}
