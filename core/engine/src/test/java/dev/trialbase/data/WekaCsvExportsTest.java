package dev.trialbase.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.Dataset;
import dev.trialbase.api.Task;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CSV exports of Weka's example files in {@code examples/weka-csv} read with the right
 * column kinds, classes and missing cells. The expected numbers were counted with awk on the
 * CSV files, independently of Trialbase:
 *
 * <pre>
 * awk -F, 'NR>1{print $NF}' $f.csv | sort | uniq -c                      # class counts
 * awk -F, 'NR>1{for(i=1;i<=NF;i++) if($i=="?") m[i]++}
 *          END{for(i in m) print i, m[i]}' breast-cancer.csv             # 5 8, 8 1
 * awk -F, 'NR>1{for(i=1;i<=NF;i++) if($i!="?" &amp;&amp; $i!="") v[i","$i]=1}
 *          END{for(k in v){split(k,a,","); n[a[1]]++} for(i in n) print i, n[i]}' $f.csv
 *                                                                    # distinct values per column
 * </pre>
 *
 * (credit-g has no quoted cells, {@code grep -c '"'} is 0, so splitting on commas is exact.)
 */
class WekaCsvExportsTest {

  private static final Path DIR = Path.of("..", "..", "examples", "weka-csv");

  private static Dataset read(String name) {
    return DataFiles.readTrain(DIR.resolve(name), DataRequest.defaults(), FormatLookup.builtIn());
  }

  private static Map<String, Integer> classCounts(Dataset d) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    d.classLabels().forEach(c -> counts.put(c, 0));
    for (int label : d.labels()) {
      counts.merge(d.classLabels().get(label), 1, Integer::sum);
    }
    return counts;
  }

  private static Map<String, Integer> missingCounts(Dataset d) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (double[] row : d.features()) {
      for (int c = 0; c < row.length; c++) {
        if (Dataset.isMissing(row[c])) {
          counts.merge(d.featureNames().get(c), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  private static List<Integer> valueCounts(Dataset d) {
    return d.attributes().stream().map(a -> a.isNumeric() ? -1 : a.values().size()).toList();
  }

  @Test
  void iris() {
    Dataset d = read("iris.csv");
    assertThat(d.task()).isEqualTo(Task.CLASSIFICATION);
    assertThat(d.attributes()).hasSize(4).allMatch(Attribute::isNumeric);
    assertThat(classCounts(d)).containsExactly(Map.entry("Iris-setosa", 50),
        Map.entry("Iris-versicolor", 50), Map.entry("Iris-virginica", 50));
    assertThat(missingCounts(d)).isEmpty();
    assertThat(d.features()[0]).containsExactly(5.1, 3.5, 1.4, 0.2);
  }

  @Test
  void breastCancerWithQuestionMarksOrEmptyCells() {
    Dataset marks = read("breast-cancer.csv");
    Dataset empty = read("breast-cancer-empty-missing.csv");
    for (Dataset d : List.of(marks, empty)) {
      assertThat(d.target().name()).isEqualTo("Class");
      assertThat(classCounts(d)).containsExactly(Map.entry("no-recurrence-events", 201),
          Map.entry("recurrence-events", 85));
      // deg-malig holds 1, 2, 3: numeric in CSV; the rest are text.
      assertThat(valueCounts(d)).containsExactly(6, 3, 11, 7, 2, -1, 2, 5, 2);
      assertThat(missingCounts(d)).containsExactly(Map.entry("node-caps", 8),
          Map.entry("breast-quad", 1));
      assertThat(d.attributes().get(0).values())
          .containsExactly("20-29", "30-39", "40-49", "50-59", "60-69", "70-79");
    }
    assertThat(empty.attributes()).isEqualTo(marks.attributes());
    assertThat(Arrays.deepEquals(empty.features(), marks.features())).isTrue();
    TestSet aligned = DataFiles.readTest(DIR.resolve("breast-cancer.csv"), empty,
        DataRequest.defaults(), FormatLookup.builtIn());
    assertThat(aligned.unseenCount()).isZero();
    assertThat(Arrays.deepEquals(aligned.dataset().features(), marks.features())).isTrue();
  }

  @Test
  void creditG() {
    Dataset d = read("credit-g.csv");
    assertThat(d.attributes().stream().filter(Attribute::isNumeric).map(Attribute::name))
        .containsExactly("duration", "credit_amount", "installment_commitment",
            "residence_since", "age", "existing_credits", "num_dependents");
    assertThat(valueCounts(d)).containsExactly(4, -1, 5, 10, -1, 5, 5, -1, 4, 3, -1, 4, -1,
        3, 3, -1, 4, -1, 2, 2);
    // 'none' is a category here (no other parties, no telephone), not a missing marker.
    assertThat(d.attributes().get(9).values()).containsExactly("co applicant", "guarantor", "none");
    assertThat(classCounts(d)).containsExactly(Map.entry("bad", 300), Map.entry("good", 700));
    assertThat(missingCounts(d)).isEmpty();
  }

  @Test
  void diabetes() {
    Dataset d = read("diabetes.csv");
    assertThat(d.attributes()).hasSize(8).allMatch(Attribute::isNumeric);
    assertThat(classCounts(d)).containsExactly(Map.entry("tested_negative", 500),
        Map.entry("tested_positive", 268));
    assertThat(missingCounts(d)).isEmpty();
  }
}
