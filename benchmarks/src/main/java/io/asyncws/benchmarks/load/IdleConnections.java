package io.asyncws.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The connections mode: reads the server's resident memory, opens N upgraded connections that
 * then sit idle, reads it again, and checks that every connection still answers a Ping (a server
 * that dropped connections would otherwise look frugal).
 */
final class IdleConnections {
  /** Lets the server finish the work the last handshakes caused before its memory is read. */
  private static final long SETTLE_MILLIS = 2_000;
  private static final int TIMEOUT_MILLIS = 10_000;
  private static final byte[] PING = {'i', 'd', 'l', 'e'};

  private IdleConnections() {}

  /**
   * What the run measured.
   *
   * @param opened connections upgraded
   * @param alive connections that answered a Ping after the second reading
   * @param rssBefore the server's resident bytes before the first connection
   * @param rssAfter the server's resident bytes with every connection open
   * @param failures the first failure, if any, as a sentence
   */
  record Result(int opened, int alive, long rssBefore, long rssAfter, List<String> failures) {
    /** Resident bytes the server spent per open connection. */
    long bytesPerConnection() {
      return opened > 0 ? (rssAfter - rssBefore) / opened : 0;
    }

    /** Connections asked for but not opened, plus opened ones that stopped answering. */
    long errors(int asked) {
      return (asked - opened) + (opened - alive);
    }
  }

  /** Runs the mode described by {@code options}. */
  static Result run(LoadOptions options) throws IOException, InterruptedException {
    InetSocketAddress server = new InetSocketAddress(options.host(), options.port());
    List<SocketChannel> channels = new ArrayList<>(options.connections());
    List<String> failures = new ArrayList<>();
    try {
      long before = ProcessMemory.residentBytes(options.serverPid());
      try {
        for (int i = 0; i < options.connections(); i++) {
          channels.add(ClientHandshake.open(server, options.path(), TIMEOUT_MILLIS).channel());
        }
      } catch (IOException e) {
        failures.add("connection " + channels.size() + " failed: " + e.getMessage());
      }
      Thread.sleep(SETTLE_MILLIS); // a measurement delay, not synchronisation: nothing to wait on
      long after = ProcessMemory.residentBytes(options.serverPid());
      int alive = 0;
      for (SocketChannel channel : channels) {
        if (answersPing(channel)) alive++;
        else if (failures.isEmpty()) failures.add("an idle connection no longer answers a Ping.");
      }
      return new Result(channels.size(), alive, before, after, failures);
    } finally {
      for (SocketChannel channel : channels) channel.close();
    }
  }

  private static boolean answersPing(SocketChannel channel) {
    try {
      ByteBuffer ping = ByteBuffer.allocate(ClientFrames.HEADER_MAX + PING.length);
      ClientFrames.append(ping, ClientFrames.OPCODE_PING, PING, 0, PING.length, 0x5A5A5A5A);
      ping.flip();
      while (ping.hasRemaining()) channel.write(ping);
      // The Pong: 2 header bytes and the 4 bytes of the Ping, unmasked.
      byte[] pong = new byte[2 + PING.length];
      InputStream in = channel.socket().getInputStream();
      for (int got = 0; got < pong.length; ) {
        int n = in.read(pong, got, pong.length - got);
        if (n < 0) return false;
        got += n;
      }
      return (pong[0] & 0xFF) == (0x80 | ClientFrames.OPCODE_PONG)
          && pong[1] == PING.length
          && pong[2] == 'i' && pong[3] == 'd' && pong[4] == 'l' && pong[5] == 'e';
    } catch (IOException e) {
      return false;
    }
  }
}
