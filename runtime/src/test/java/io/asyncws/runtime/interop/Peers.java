package io.asyncws.runtime.interop;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the Node ({@code ws}) and Python ({@code websockets} 10.4) peer scripts of
 * {@code peers/}. Servers are returned listening; clients are returned running, to be
 * awaited with {@link ExternalPeer#awaitExit}. Close every peer (try-with-resources).
 */
public final class Peers {
  private Peers() {}

  /**
   * The Debian interpreter, not whatever {@code python3} is first on PATH: the Debian package
   * {@code python3-websockets} (10.4) is installed for it alone.
   */
  static final String PYTHON = "/usr/bin/python3";
  static final String NODE = "node";
  /**
   * A peer's own time limit: a backstop that ends the process if this JVM dies without
   * closing it. Longer than any single test.
   */
  static final Duration PEER_LIFETIME = Duration.ofSeconds(180);
  /** Node starts in ~0.1 s and Python in ~0.3 s here; generous for a loaded CI machine. */
  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

  /** A Node {@code ws} echo server on 127.0.0.1 and a free port. */
  public static ExternalPeer nodeEchoServer() {
    return listening(node("node-echo-server", "echo-server.mjs", List.of()));
  }

  /** A Node {@code ws} echo server with permessage-deflate on, every message compressed. */
  public static ExternalPeer nodeDeflateEchoServer() {
    return listening(node("node-deflate-echo-server", "echo-server.mjs", List.of("--deflate")));
  }

  /** A Python {@code websockets} echo server with permessage-deflate on (its defaults). */
  public static ExternalPeer pythonDeflateEchoServer() {
    return listening(python("python-deflate-echo-server", "echo_server.py", List.of("--deflate")));
  }

  /**
   * A Node client that sends {@code plan} with permessage-deflate, failing unless {@code uri}
   * accepted it; prints {@code OK <n>} or {@code FAIL <why>}.
   */
  public static ExternalPeer nodeDeflateSendClient(URI uri, MessagePlan plan) {
    List<String> args = withUri(uri, plan);
    args.add("--deflate");
    return node("node-deflate-send-client", "send-client.mjs", args);
  }

  /**
   * As {@link #nodeDeflateSendClient}, offering {@code server_max_window_bits=bits}; ws then
   * inflates with that window and fails on any back-reference beyond it.
   */
  public static ExternalPeer nodeDeflateSendClient(URI uri, MessagePlan plan, int bits) {
    List<String> args = withUri(uri, plan);
    args.addAll(List.of("--deflate", "--server-max-window-bits", Integer.toString(bits)));
    return node("node-deflate-send-client", "send-client.mjs", args);
  }

  /** As {@link #nodeDeflateSendClient}, with Python {@code websockets}. */
  public static ExternalPeer pythonDeflateSendClient(URI uri, MessagePlan plan) {
    List<String> args = withUri(uri, plan);
    args.add("--deflate");
    return python("python-deflate-send-client", "send_client.py", args);
  }

  /** A Python {@code websockets} echo server on 127.0.0.1 and a free port. */
  public static ExternalPeer pythonEchoServer() {
    return listening(python("python-echo-server", "echo_server.py", List.of()));
  }

  /** A Node client that echoes what {@code uri} sends until it closes; prints {@code CLOSED <code> <reason>}. */
  public static ExternalPeer nodeEchoClient(URI uri) {
    return node("node-echo-client", "echo-client.mjs", List.of(uri.toString()));
  }

  /** A Python client that echoes what {@code uri} sends until it closes; prints {@code CLOSED <code> <reason>}. */
  public static ExternalPeer pythonEchoClient(URI uri) {
    return python("python-echo-client", "echo_client.py", List.of(uri.toString()));
  }

  /** A Node client that sends {@code plan} to the echo server at {@code uri}; prints {@code OK <n>} or {@code FAIL <why>}. */
  public static ExternalPeer nodeSendClient(URI uri, MessagePlan plan) {
    return node("node-send-client", "send-client.mjs", withUri(uri, plan));
  }

  /** A Python client that sends {@code plan} to the echo server at {@code uri}; prints {@code OK <n>} or {@code FAIL <why>}. */
  public static ExternalPeer pythonSendClient(URI uri, MessagePlan plan) {
    return python("python-send-client", "send_client.py", withUri(uri, plan));
  }

  /** A Node {@code ws} echo server speaking wss with {@code cert}; prints {@code SNI <name>} per connection. */
  public static ExternalPeer nodeTlsEchoServer(TestCertificate cert) {
    return listening(node("node-tls-echo-server", "echo-server.mjs", serverTls(cert)));
  }

  /** A Python {@code websockets} echo server speaking wss with {@code cert}. */
  public static ExternalPeer pythonTlsEchoServer(TestCertificate cert) {
    return listening(python("python-tls-echo-server", "echo_server.py", serverTls(cert)));
  }

  /** {@link #nodeSendClient} over wss, trusting only {@code cert}. */
  public static ExternalPeer nodeTlsSendClient(URI uri, MessagePlan plan, TestCertificate cert) {
    return node("node-tls-send-client", "send-client.mjs", clientTls(withUri(uri, plan), cert));
  }

  /** {@link #pythonSendClient} over wss, trusting only {@code cert}. */
  public static ExternalPeer pythonTlsSendClient(URI uri, MessagePlan plan, TestCertificate cert) {
    return python("python-tls-send-client", "send_client.py", clientTls(withUri(uri, plan), cert));
  }

  /**
   * A Python client that upgrades over wss, sends Close and reads to the end; prints {@code
   * CLOSE_NOTIFY} if the server ended TLS with close_notify, {@code NO_CLOSE_NOTIFY …} if not.
   */
  public static ExternalPeer pythonTlsCloseProbeClient(String host, int port, TestCertificate cert) {
    return python("python-tls-close-probe-client", "tls_close_probe.py",
        clientTls(List.of("client", host, Integer.toString(port)), cert));
  }

  /** The same probe as a one-connection server: answers the client's Close and reads to the end. */
  public static ExternalPeer pythonTlsCloseProbeServer(TestCertificate cert) {
    List<String> args = new ArrayList<>(List.of("server"));
    args.addAll(serverTls(cert));
    return listening(python("python-tls-close-probe-server", "tls_close_probe.py", args));
  }

  private static List<String> serverTls(TestCertificate cert) {
    return List.of("--tls-cert", cert.certificatePem().toString(), "--tls-key", cert.keyPem().toString());
  }

  private static List<String> clientTls(List<String> args, TestCertificate cert) {
    List<String> all = new ArrayList<>(args);
    all.add("--ca");
    all.add(cert.certificatePem().toString());
    return all;
  }

  private static List<String> withUri(URI uri, MessagePlan plan) {
    List<String> args = new ArrayList<>();
    args.add(uri.toString());
    args.addAll(plan.scriptArgs());
    return args;
  }

  private static ExternalPeer node(String name, String script, List<String> args) {
    if (!Files.isDirectory(ExternalPeer.repoRoot().resolve("peers/node_modules/ws"))) {
      throw new IllegalStateException("The Node peers need their packages: run 'npm ci --prefix peers'.");
    }
    return start(name, NODE, "peers/node/" + script, args);
  }

  private static ExternalPeer python(String name, String script, List<String> args) {
    return start(name, PYTHON, "peers/python/" + script, args);
  }

  private static ExternalPeer start(String name, String interpreter, String script, List<String> args) {
    List<String> command = new ArrayList<>(List.of(interpreter, script));
    command.addAll(args);
    command.add("--timeout");
    command.add(Long.toString(PEER_LIFETIME.toSeconds()));
    return ExternalPeer.start(name, command);
  }

  private static ExternalPeer listening(ExternalPeer peer) {
    try {
      peer.awaitListening(STARTUP_TIMEOUT);
      return peer;
    } catch (RuntimeException | Error e) {
      peer.close();
      throw e;
    }
  }
}
