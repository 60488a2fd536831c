package dev.trialbase.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trialbase.api.Distribution;
import dev.trialbase.api.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpaceParserTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private static SearchSpace json(String text) throws JsonProcessingException {
    return SpaceParser.parse(JSON.readValue(text,
        new TypeReference<LinkedHashMap<String, JsonNode>>() { }));
  }

  private static SearchSpace yaml(String text) throws JsonProcessingException {
    return SpaceParser.parse(YAML.readValue(text,
        new TypeReference<LinkedHashMap<String, JsonNode>>() { }));
  }

  private static List<Object> choices(SearchSpace space, String name) {
    return ((Distribution.Categorical) space.parameters().get(name)).choices();
  }

  @Test
  void mixedIntegersAndFloatsBecomeAllDoubles() throws JsonProcessingException {
    List<Object> c = choices(json("{\"C\": [1, 0.5, 10]}"), "C");
    assertThat(c).containsExactly(1.0, 0.5, 10.0);
    assertThat(c).allMatch(v -> v instanceof Double);
  }

  @Test
  void allIntegersBecomeLongs() throws JsonProcessingException {
    List<Object> c = choices(json("{\"n\": [1, 2, 30000000000]}"), "n");
    assertThat(c).containsExactly(1L, 2L, 30_000_000_000L);
    assertThat(c).allMatch(v -> v instanceof Long);
  }

  @Test
  void nullBooleanAndTextAreKept() throws JsonProcessingException {
    List<Object> c = choices(json("{\"p\": [\"l1\", null, true, 3, false]}"), "p");
    assertThat(c).containsExactly("l1", null, true, 3L, false);
  }

  @Test
  void nullBooleanAndTextDoNotTurnIntegersIntoFloats() throws JsonProcessingException {
    List<Object> c = choices(json("{\"p\": [null, 2, \"x\", 2.5]}"), "p");
    assertThat(c).containsExactly(null, 2.0, "x", 2.5);
  }

  @Test
  void choiceObjectEqualsChoiceList() throws JsonProcessingException {
    SearchSpace object = json("{\"k\": {\"type\": \"choice\", \"values\": [\"rbf\", \"linear\"]}}");
    SearchSpace list = json("{\"k\": [\"rbf\", \"linear\"]}");
    assertThat(object).isEqualTo(list);
  }

  @Test
  void intRangeWithAndWithoutStep() throws JsonProcessingException {
    SearchSpace s = json("""
        {"a": {"type": "int", "low": 1, "high": 10, "step": 3},
         "b": {"type": "int", "low": -5, "high": 5}}
        """);
    assertThat(s.parameters().get("a")).isEqualTo(new Distribution.IntRange(1, 10, 3));
    assertThat(((Distribution.IntRange) s.parameters().get("a")).size()).isEqualTo(4); // 1,4,7,10
    assertThat(s.parameters().get("b")).isEqualTo(new Distribution.IntRange(-5, 5, 1));
  }

  @Test
  void floatRangeWithLogAndPoints() throws JsonProcessingException {
    SearchSpace s = json("""
        {"lr": {"type": "float", "low": 1e-4, "high": 1e4, "log": true, "points": 9},
         "m": {"type": "float", "low": 0, "high": 1}}
        """);
    assertThat(s.parameters().get("lr")).isEqualTo(new Distribution.FloatRange(1e-4, 1e4, true, 9));
    // Integer bounds are read as floats; log defaults to false and points to 0.
    assertThat(s.parameters().get("m")).isEqualTo(new Distribution.FloatRange(0.0, 1.0, false, 0));
  }

  @Test
  void yamlAndJsonSpacesAreEqual() throws JsonProcessingException {
    SearchSpace j = json("""
        {"C": [0.1, 1, 10], "p": ["l2", null, true],
         "n": {"type": "int", "low": 2, "high": 8, "step": 2},
         "lr": {"type": "float", "low": 0.001, "high": 1.0, "log": true, "points": 4}}
        """);
    SearchSpace y = yaml("""
        C: [0.1, 1, 10]
        p: [l2, null, true]
        n: {type: int, low: 2, high: 8, step: 2}
        lr: {type: float, low: 0.001, high: 1.0, log: true, points: 4}
        """);
    assertThat(y).isEqualTo(j);
    assertThat(y.parameters().keySet()).containsExactly("C", "p", "n", "lr");
  }

  @Test
  void declarationOrderIsKept() throws JsonProcessingException {
    SearchSpace s = json("{\"z\": [1], \"a\": [2], \"m\": [3]}");
    assertThat(s.parameters().keySet()).containsExactly("z", "a", "m");
  }

  @Test
  void nullSpaceIsEmpty() {
    assertThat(SpaceParser.parse(null).parameters()).isEmpty();
  }

  @Test
  void emptyChoiceListIsRejected() {
    assertThatThrownBy(() -> json("{\"C\": []}"))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("space.C: ")
        .hasMessageContaining("at least one value");
    assertThatThrownBy(() -> json("{\"C\": {\"type\": \"choice\", \"values\": []}}"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("at least one value");
  }

  @Test
  void repeatedChoiceIsRejected() {
    // 1 and 1.0 are the same value once the list is all floats.
    assertThatThrownBy(() -> json("{\"C\": [1, 1.0]}"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("repeats a value");
  }

  @Test
  void invertedRangesAreRejected() {
    assertThatThrownBy(() -> json("{\"n\": {\"type\": \"int\", \"low\": 10, \"high\": 1}}"))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("space.n: ")
        .hasMessageContaining("empty range: low 10 > high 1");
    assertThatThrownBy(() -> json("{\"x\": {\"type\": \"float\", \"low\": 2.5, \"high\": 0.5}}"))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("space.x: ")
        .hasMessageContaining("empty range");
  }

  @Test
  void logRangeNeedsPositiveLow() {
    assertThatThrownBy(() -> json(
        "{\"lr\": {\"type\": \"float\", \"low\": 0, \"high\": 1, \"log\": true}}"))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("space.lr: ")
        .hasMessageContaining("needs low > 0");
    assertThatThrownBy(() -> json(
        "{\"lr\": {\"type\": \"float\", \"low\": -1, \"high\": 1, \"log\": true}}"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("needs low > 0");
  }

  @Test
  void unknownTypeIsRejected() {
    assertThatThrownBy(() -> json("{\"x\": {\"type\": \"normal\", \"low\": 0, \"high\": 1}}"))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("space.x: ")
        .hasMessageContaining("'type' must be one of choice, int, float; got 'normal'");
    assertThatThrownBy(() -> json("{\"x\": {\"low\": 0, \"high\": 1}}"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("got ''");
  }

  @Test
  void scalarInsteadOfListOrObjectIsRejected() {
    assertThatThrownBy(() -> json("{\"x\": 5}"))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("space.x: ")
        .hasMessageContaining("expected a list of choices");
  }

  @Test
  void unknownKeyForTypeIsRejected() {
    assertThatThrownBy(() -> json(
        "{\"n\": {\"type\": \"int\", \"low\": 1, \"high\": 5, \"log\": true}}"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("unknown key 'log' for type 'int'")
        .hasMessageContaining("allowed keys: high, low, step, type");
  }

  @Test
  void nonIntegerBoundsOfIntRangeAreRejected() {
    assertThatThrownBy(() -> json("{\"n\": {\"type\": \"int\", \"low\": 1.5, \"high\": 5}}"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("'low' must be an integer, got 1.5");
    assertThatThrownBy(() -> json("{\"n\": {\"type\": \"int\", \"low\": 1}}"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("'high' must be an integer and is missing");
  }

  @Test
  void nonBooleanLogIsRejected() {
    assertThatThrownBy(() -> json(
        "{\"x\": {\"type\": \"float\", \"low\": 1, \"high\": 2, \"log\": \"yes\"}}"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("'log' must be true or false");
  }

  @Test
  void nestedListChoiceIsRejected() {
    assertThatThrownBy(() -> json("{\"x\": [[1, 2], 3]}"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("a choice must be a number, text, true/false or null");
  }
}
