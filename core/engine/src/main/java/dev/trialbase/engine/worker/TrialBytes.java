package dev.trialbase.engine.worker;

import dev.trialbase.api.ParamSet;
import dev.trialbase.store.TrialRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Parameter sets and trial records as bytes, in the worker processes' exact encoding
 * ({@link Wire}): for executors that carry trials some other way (Spark tasks), so that a trial
 * evaluated there is stored bit for bit as one evaluated in-process. Stateless.
 */
public final class TrialBytes {

  private TrialBytes() {
  }

  public static byte[] of(ParamSet params) {
    return write(out -> Wire.writeParams(out, params));
  }

  public static byte[] of(TrialRecord record) {
    return write(out -> Wire.writeRecord(out, record));
  }

  public static ParamSet params(byte[] bytes) {
    try {
      return Wire.readParams(in(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TrialRecord record(byte[] bytes) {
    try {
      return Wire.readRecord(in(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DataInputStream in(byte[] bytes) {
    return new DataInputStream(new ByteArrayInputStream(bytes));
  }

  private interface Writing {
    void to(DataOutputStream out) throws IOException;
  }

  private static byte[] write(Writing writing) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writing.to(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
