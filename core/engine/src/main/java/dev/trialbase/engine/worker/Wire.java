package dev.trialbase.engine.worker;

import dev.trialbase.api.ParamSet;
import dev.trialbase.store.TrialRecord;
import dev.trialbase.store.TrialStatus;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary encoding of what crosses between a run and its worker processes: parameter sets
 * and trial records, exactly (doubles as their 64 bits, NaN included; each value keeps its
 * type), so a trial evaluated in a worker is stored bit for bit as one evaluated in-process.
 */
final class Wire {

  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte LONG = 2;
  private static final byte DOUBLE = 3;
  private static final byte BOOLEAN = 4;

  private Wire() {
  }

  static void writeText(DataOutput out, String text) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readText(DataInput in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static void writeParams(DataOutput out, ParamSet params) throws IOException {
    Map<String, Object> values = params.asMap();
    out.writeInt(values.size());
    for (Map.Entry<String, Object> e : values.entrySet()) {
      writeText(out, e.getKey());
      Object v = e.getValue();
      if (v == null) {
        out.writeByte(NULL);
      } else if (v instanceof String s) {
        out.writeByte(STRING);
        writeText(out, s);
      } else if (v instanceof Long l) {
        out.writeByte(LONG);
        out.writeLong(l);
      } else if (v instanceof Double d) {
        out.writeByte(DOUBLE);
        out.writeDouble(d);
      } else {
        out.writeByte(BOOLEAN);
        out.writeBoolean((Boolean) v);
      }
    }
  }

  static ParamSet readParams(DataInput in) throws IOException {
    int size = in.readInt();
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      String name = readText(in);
      byte type = in.readByte();
      values.put(name, switch (type) {
        case NULL -> null;
        case STRING -> readText(in);
        case LONG -> in.readLong();
        case DOUBLE -> in.readDouble();
        case BOOLEAN -> in.readBoolean();
        default -> throw new IOException("unknown value type " + type);
      });
    }
    return ParamSet.of(values);
  }

  static void writeDoubles(DataOutput out, double[] values) throws IOException {
    out.writeInt(values.length);
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  static double[] readDoubles(DataInput in) throws IOException {
    double[] values = new double[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readDouble();
    }
    return values;
  }

  static void writeRecord(DataOutput out, TrialRecord r) throws IOException {
    out.writeLong(r.number());
    writeText(out, r.status().name());
    writeParams(out, r.params());
    writeInstant(out, r.startedAt());
    writeInstant(out, r.endedAt());
    out.writeInt(r.metrics().size());
    for (String metric : r.metrics()) {
      writeText(out, metric);
    }
    out.writeInt(r.foldValues().length);
    for (double[] row : r.foldValues()) {
      writeDoubles(out, row);
    }
    out.writeDouble(r.objective());
    writeText(out, r.errorClass());
    writeText(out, r.errorMessage());
  }

  static TrialRecord readRecord(DataInput in) throws IOException {
    long number = in.readLong();
    TrialStatus status = TrialStatus.valueOf(readText(in));
    ParamSet params = readParams(in);
    Instant started = readInstant(in);
    Instant ended = readInstant(in);
    List<String> metrics = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      metrics.add(readText(in));
    }
    double[][] folds = new double[in.readInt()][];
    for (int m = 0; m < folds.length; m++) {
      folds[m] = readDoubles(in);
    }
    double objective = in.readDouble();
    return new TrialRecord(number, status, params, started, ended, List.copyOf(metrics), folds,
        objective, readText(in), readText(in));
  }

  private static void writeInstant(DataOutput out, Instant t) throws IOException {
    out.writeLong(t.getEpochSecond());
    out.writeInt(t.getNano());
  }

  private static Instant readInstant(DataInput in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }
}
