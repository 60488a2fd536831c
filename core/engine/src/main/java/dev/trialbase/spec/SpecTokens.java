package dev.trialbase.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Checks every value of a spec's text before it is bound, for what Jackson would accept but
 * change: a number that is not finite ({@code 1e400} reads as Infinity, which JSON cannot store
 * as a number), a whole number beyond 64 bits ({@code 99999999999999999999} would be cut), and a
 * YAML alias ({@code *label}, which Jackson reads as the text "label"). Each is a
 * {@link SpecException} naming the file, line, column and key. Text that does not parse is left
 * for the binding step, which reports it.
 */
final class SpecTokens {

  private SpecTokens() {
  }

  /** Throws a {@link SpecException} for the first value of {@code text} a spec refuses. */
  static void check(Path file, ObjectMapper mapper, String text) {
    try (JsonParser p = mapper.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
          throw refuse(file, p, "the YAML alias *" + p.getText() + " is not supported: "
              + "write the value out (aliases are refused rather than expanded, so a spec "
              + "reads the same in any tool)");
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT && !Double.isFinite(p.getDoubleValue())) {
          throw refuse(file, p, "the number " + p.getText() + " is not finite (a spec's "
              + "numbers lie within +-1.7976931348623157e308)");
        }
        if (t == JsonToken.VALUE_NUMBER_INT
            && p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw refuse(file, p, "the whole number " + p.getText() + " does not fit in 64 bits "
              + "(-9223372036854775808 to 9223372036854775807); for a float write it with a "
              + "decimal point or exponent, e.g. 1e20");
        }
      }
    } catch (JsonProcessingException unparsable) {
      // reported with its position when the spec is bound
    } catch (IOException e) {
      throw new SpecException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static SpecException refuse(Path file, JsonParser p, String problem) {
    String key = String.join(".", SpecReader.pathOf(p.getParsingContext())).replace(".[", "[");
    return new SpecException(SpecReader.where(file, p.currentTokenLocation())
        + (key.isEmpty() ? "" : "'" + key + "': ") + problem);
  }
}
