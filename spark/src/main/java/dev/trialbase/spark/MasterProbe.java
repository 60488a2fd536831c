package dev.trialbase.spark;

import dev.trialbase.engine.ExecutorException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Checks that a standalone master ({@code spark://host:port[,host:port]}) accepts connections
 * before a Spark context is made: Spark itself retries an unreachable master for a minute
 * inside the context's constructor, which no timeout of ours could cut short.
 */
final class MasterProbe {

  private static final int CONNECT_MILLIS = 5_000;

  private MasterProbe() {
  }

  /** Returns when {@code master} is not standalone or one of its addresses answers. */
  static void check(String master) {
    if (!master.startsWith("spark://")) {
      return;
    }
    String reason = "no address given";
    for (String address : master.substring("spark://".length()).split(",")) {
      int colon = address.lastIndexOf(':');
      try {
        String host = colon < 0 ? address : address.substring(0, colon);
        int port = colon < 0 ? 7077 : Integer.parseInt(address.substring(colon + 1));
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
          return;
        }
      } catch (NumberFormatException e) {
        reason = "'" + address + "' has no port number";
      } catch (IOException | IllegalArgumentException e) {
        reason = address + ": " + SparkErrors.firstLine(e);
      }
    }
    throw new ExecutorException("the Spark master " + master + " cannot be reached (" + reason
        + ")");
  }
}
