package dev.trialbase.plugins.weka;

import dev.trialbase.api.Dataset;
import java.util.ArrayList;
import java.util.List;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Converts a {@link Dataset} into Weka's {@link Instances}: one numeric attribute per feature
 * and a last, nominal class attribute whose values are the dataset's class labels in order,
 * so Weka's class index {@code i} is the dataset's class {@code i}.
 */
final class WekaData {

  private WekaData() {
  }

  /** An empty data set with the attributes of {@code data}. */
  static Instances header(Dataset data) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (String name : data.featureNames()) {
      attributes.add(new Attribute(name));
    }
    attributes.add(new Attribute(classAttributeName(data.featureNames()), data.classLabels()));
    Instances header = new Instances("trialbase", attributes, 0);
    header.setClassIndex(attributes.size() - 1);
    return header;
  }

  /** The rows of {@code data}, with their classes, in {@code header}'s format. */
  static Instances instances(Instances header, Dataset data) {
    Instances out = new Instances(header, data.size());
    for (int i = 0; i < data.size(); i++) {
      int label = (int) data.targets()[i];
      if (label < 0 || label >= data.classCount()) {
        throw new IllegalArgumentException(
            "row " + i + " has class index " + label + " but there are " + data.classCount());
      }
      out.add(row(out, data.features()[i], label));
    }
    return out;
  }

  /** One row attached to {@code header}; a negative {@code label} leaves the class missing. */
  static Instance row(Instances header, double[] features, int label) {
    if (features.length != header.numAttributes() - 1) {
      throw new IllegalArgumentException("a row has " + features.length
          + " features but the model was fitted on " + (header.numAttributes() - 1));
    }
    double[] values = new double[features.length + 1];
    System.arraycopy(features, 0, values, 0, features.length);
    values[features.length] = label < 0 ? Utils.missingValue() : label;
    Instance instance = new DenseInstance(1.0, values);
    instance.setDataset(header);
    return instance;
  }

  /** "class", or a variant no feature uses (Weka needs unique attribute names). */
  private static String classAttributeName(List<String> featureNames) {
    String name = "class";
    while (featureNames.contains(name)) {
      name = "_" + name;
    }
    return name;
  }
}
