"""TLS close probe (plain Python ssl, no websockets): did the peer send close_notify?

    tls_close_probe.py client <host> <port> --ca PEM [--timeout seconds]
    tls_close_probe.py server --tls-cert PEM --tls-key PEM [--timeout seconds]

Client: opens wss to host:port, upgrades, sends Close 1000, reads the server's Close and then
reads to the end. Server: prints "LISTENING <port>", accepts one wss connection, answers the
upgrade, waits for the client's Close, answers it and reads to the end. Both then print
"CLOSE_NOTIFY" when the stream ended with a TLS close_notify, "NO_CLOSE_NOTIFY <error>" when
TCP ended without one (ragged EOFs are not suppressed here), or "FAIL <why>"."""

import argparse
import base64
import hashlib
import socket
import ssl
import sys

from options import timeout_arg, tls_args

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
CLOSE_1000_MASKED = bytes([0x88, 0x82, 0, 0, 0, 0, 0x03, 0xE8])  # zero mask key: payload as is
CLOSE_1000 = bytes([0x88, 0x02, 0x03, 0xE8])


def read_head(tls):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = tls.recv(4096)
        if not chunk:
            raise EOFError("stream ended inside the HTTP head")
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return head.decode("latin-1"), rest


def read_exactly(tls, buffered, n):
    while len(buffered) < n:
        chunk = tls.recv(4096)
        if not chunk:
            raise EOFError("stream ended inside a frame")
        buffered += chunk
    return buffered[:n], buffered[n:]


def strict_eof(context):
    """Python sets OpenSSL's IGNORE_UNEXPECTED_EOF by default, which hides a missing
    close_notify; the probe exists to see exactly that."""
    context.options &= ~ssl.OP_IGNORE_UNEXPECTED_EOF
    return context


def read_to_end(tls):
    try:
        while tls.recv(4096):
            pass
        return "CLOSE_NOTIFY"
    except ssl.SSLError as e:  # SSLEOFError, or UNEXPECTED_EOF_WHILE_READING on OpenSSL 3
        return f"NO_CLOSE_NOTIFY {e}"


def client(args):
    context = strict_eof(ssl.create_default_context(cafile=args.ca))
    with socket.create_connection((args.host, args.port), timeout=args.timeout) as raw:
        with context.wrap_socket(raw, server_hostname=args.host, suppress_ragged_eofs=False) as tls:
            key = base64.b64encode(b"0123456789abcdef").decode()
            tls.sendall((f"GET / HTTP/1.1\r\nHost: {args.host}:{args.port}\r\nUpgrade: websocket\r\n"
                         f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                         "Sec-WebSocket-Version: 13\r\n\r\n").encode())
            head, rest = read_head(tls)
            if not head.startswith("HTTP/1.1 101"):
                return f"FAIL no 101: {head.splitlines()[0]}"
            tls.sendall(CLOSE_1000_MASKED)
            frame, _ = read_exactly(tls, rest, 4)
            if frame != CLOSE_1000:
                return f"FAIL expected Close 1000, got {frame.hex()}"
            return read_to_end(tls)


def server(args):
    context = strict_eof(ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER))
    context.load_cert_chain(args.tls_cert, args.tls_key)
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(args.timeout)
        print(f"LISTENING {listener.getsockname()[1]}", flush=True)
        raw, _ = listener.accept()
        raw.settimeout(args.timeout)
        with context.wrap_socket(raw, server_side=True, suppress_ragged_eofs=False) as tls:
            head, rest = read_head(tls)
            key = next(line.split(":", 1)[1].strip() for line in head.split("\r\n")
                       if line.lower().startswith("sec-websocket-key:"))
            accept = base64.b64encode(hashlib.sha1((key + GUID).encode()).digest()).decode()
            tls.sendall(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                         f"Connection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n").encode())
            header, rest = read_exactly(tls, rest, 2)
            length = header[1] & 0x7F
            _, rest = read_exactly(tls, rest, 4 + length)  # mask key and payload
            if header[0] != 0x88:
                return f"FAIL expected a Close frame, got {header.hex()}"
            tls.sendall(CLOSE_1000)
            return read_to_end(tls)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("role", choices=["client", "server"])
    parser.add_argument("host", nargs="?")
    parser.add_argument("port", type=int, nargs="?")
    timeout_arg(parser)
    tls_args(parser)
    arguments = parser.parse_args()
    try:
        print(client(arguments) if arguments.role == "client" else server(arguments), flush=True)
    except (OSError, EOFError, ValueError, StopIteration) as e:
        print(f"FAIL {type(e).__name__}: {e}", flush=True)
        sys.exit(1)
