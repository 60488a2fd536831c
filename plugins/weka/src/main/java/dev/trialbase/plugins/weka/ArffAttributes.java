package dev.trialbase.plugins.weka;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.DataFormatException;
import java.util.ArrayList;
import java.util.List;
import weka.core.Instances;

/**
 * Maps an ARFF header, as Weka's reader parsed it, to Trialbase's attributes.
 *
 * <ul>
 *   <li>{@code numeric}, {@code integer}, {@code real}: numeric.
 *   <li>nominal ({@code {a, b, c}}): nominal with the values in declared order, so a cell's
 *       value index is the same in Weka and in Trialbase.
 *   <li>{@code date}: numeric, holding what Weka holds, milliseconds since 1970-01-01 UTC.
 *       Weka's own classifiers treat a date attribute as this number, so the plugin's
 *       estimators see the same data as Weka run on the file.
 *   <li>{@code string} and {@code relational}: refused, naming the attribute. A string
 *       attribute has no fixed list of values, so it can be neither a feature nor a class here;
 *       Weka's {@code StringToNominal} filter makes it nominal. Relational (multi-instance)
 *       attributes hold whole tables per cell.
 * </ul>
 */
final class ArffAttributes {

  private ArffAttributes() {
  }

  /** Every attribute of {@code header}, in file order. */
  static List<Attribute> of(Instances header) throws DataFormatException {
    List<Attribute> out = new ArrayList<>(header.numAttributes());
    for (int i = 0; i < header.numAttributes(); i++) {
      out.add(of(header.attribute(i)));
    }
    return out;
  }

  private static Attribute of(weka.core.Attribute attribute) throws DataFormatException {
    String name = attribute.name();
    switch (attribute.type()) {
      case weka.core.Attribute.NUMERIC:
      case weka.core.Attribute.DATE:
        return Attribute.numeric(name);
      case weka.core.Attribute.NOMINAL:
        List<String> values = new ArrayList<>(attribute.numValues());
        for (int v = 0; v < attribute.numValues(); v++) {
          values.add(attribute.value(v));
        }
        try {
          return Attribute.nominal(name, values);
        } catch (IllegalArgumentException e) {
          throw new DataFormatException("attribute '" + name + "': " + e.getMessage());
        }
      case weka.core.Attribute.STRING:
        throw new DataFormatException("attribute '" + name + "' is a string attribute, which "
            + "has no fixed values to learn from: make it nominal (Weka's filter "
            + "weka.filters.unsupervised.attribute.StringToNominal) or remove it");
      case weka.core.Attribute.RELATIONAL:
        throw new DataFormatException("attribute '" + name + "' is relational "
            + "(multi-instance data), which Trialbase cannot use: remove it, or flatten the "
            + "data with Weka's filter "
            + "weka.filters.unsupervised.attribute.MultiInstanceToPropositional");
      default:
        throw new DataFormatException("attribute '" + name + "' has a type Trialbase does not "
            + "know: " + weka.core.Attribute.typeToString(attribute));
    }
  }
}
