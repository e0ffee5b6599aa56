package io.asyncws.runtime.interop;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay on 127.0.0.1 between one WebSocket client and a server that reads the frame
 * headers passing through (payloads are relayed unread) and records how many frames each
 * data message took, per direction. It shows that a peer's "fragmented" send really puts
 * several frames on the wire. It knows RFC 6455 framing on its own, independently of the
 * runtime under test.
 *
 * <p>Thread rules: one accept thread, then one relay thread per direction; the getters may
 * be called from any thread, typically after the exchange ended.
 */
public final class FrameCountingProxy implements AutoCloseable {
  private static final int FIN = 0x80;
  private static final int OPCODE = 0x0F;
  private static final int CONTROL = 0x08;
  private static final int MASKED = 0x80;
  private static final int LENGTH = 0x7F;

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final List<Integer> clientFrames = new ArrayList<>();
  private final List<Integer> serverFrames = new ArrayList<>();
  private final List<Socket> sockets = new ArrayList<>();

  private FrameCountingProxy(URI target) throws IOException {
    this.target = new InetSocketAddress(target.getHost(), target.getPort());
    this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    daemon("proxy-accept", this::acceptOne);
  }

  /** Starts a relay to the server at {@code target} (a ws:// URI); connect to {@link #uri()}. */
  public static FrameCountingProxy start(URI target) throws IOException {
    return new FrameCountingProxy(target);
  }

  /** {@code ws://127.0.0.1:<port>/}, the relay's own address. */
  public URI uri() {
    return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/");
  }

  /** Frames per completed data message sent by the client, in order. */
  public List<Integer> clientFramesPerMessage() {
    synchronized (clientFrames) {
      return List.copyOf(clientFrames);
    }
  }

  /** Frames per completed data message sent by the server, in order. */
  public List<Integer> serverFramesPerMessage() {
    synchronized (serverFrames) {
      return List.copyOf(serverFrames);
    }
  }

  private void acceptOne() {
    try {
      Socket client = listener.accept();
      Socket server = new Socket(target.getAddress(), target.getPort());
      synchronized (sockets) {
        sockets.add(client);
        sockets.add(server);
      }
      for (Socket s : List.of(client, server)) {
        s.setTcpNoDelay(true); // relayed frame headers are small writes; no Nagle delay
      }
      daemon("proxy-client-to-server", () -> relay(client, server, clientFrames));
      daemon("proxy-server-to-client", () -> relay(server, client, serverFrames));
    } catch (IOException e) {
      close(); // accept fails when the proxy is closed before anyone connected
    }
  }

  private static void relay(Socket from, Socket to, List<Integer> framesPerMessage) {
    try {
      Tee in = new Tee(from.getInputStream(), to.getOutputStream());
      skipHttpHead(in);
      int frames = 0;
      while (true) {
        int b0 = in.read();
        if (b0 < 0) {
          break;
        }
        int b1 = readByte(in);
        long length = b1 & LENGTH;
        if (length == 126) {
          length = readBytes(in, 2);
        } else if (length == 127) {
          length = readBytes(in, 8);
        }
        in.skipNBytes(length + ((b1 & MASKED) != 0 ? 4 : 0));
        if ((b0 & OPCODE & CONTROL) == 0) {
          frames++;
          if ((b0 & FIN) != 0) {
            synchronized (framesPerMessage) {
              framesPerMessage.add(frames);
            }
            frames = 0;
          }
        }
      }
      in.flushSink();
      to.shutdownOutput();
    } catch (IOException e) {
      // The other side went away: the exchange is over, and the counts say how far it got.
    }
  }

  /** Reads the HTTP request or response head, up to and including the empty line. */
  private static void skipHttpHead(InputStream in) throws IOException {
    for (int matched = 0; matched < 4; ) {
      int b = readByte(in);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  private static int readByte(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException();
    }
    return b;
  }

  private static long readBytes(InputStream in, int n) throws IOException {
    long value = 0;
    for (int i = 0; i < n; i++) {
      value = (value << 8) | readByte(in);
    }
    return value;
  }

  private static void daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() {
    try {
      listener.close();
      synchronized (sockets) {
        for (Socket s : sockets) {
          s.close();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads from a socket and writes every byte read to the other one, flushing before it could block. */
  private static final class Tee extends BufferedInputStream {
    private final InputStream source;
    private final OutputStream sink;

    Tee(InputStream source, OutputStream sink) {
      super(source, 64 * 1024);
      this.source = source;
      this.sink = new BufferedOutputStream(sink, 64 * 1024);
    }

    @Override
    public synchronized int read() throws IOException {
      flushIfDry();
      int b = super.read();
      if (b >= 0) {
        sink.write(b);
      }
      return b;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
      flushIfDry();
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        sink.write(buffer, offset, n);
      }
      return n;
    }

    @Override
    public synchronized long skip(long n) throws IOException {
      byte[] scratch = new byte[(int) Math.min(n, 64 * 1024)];
      return Math.max(0, read(scratch, 0, (int) Math.min(n, scratch.length)));
    }

    /** Nothing left to read without blocking: what was read so far must reach the other side first. */
    private void flushIfDry() throws IOException {
      if (pos >= count && source.available() == 0) {
        sink.flush();
      }
    }

    /** Sends on what is still buffered; the sockets themselves are closed by the proxy. */
    void flushSink() throws IOException {
      sink.flush();
    }
  }
}
