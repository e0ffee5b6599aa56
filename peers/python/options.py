"""Options shared by every websockets peer, so the limits are stated once."""

import argparse

WS_OPTIONS = {
    # 64 MiB: the largest message the interop tests send is accepted whole.
    "max_size": 64 * 1024 * 1024,
    # None: websockets 10.4 offers/accepts permessage-deflate by default; the peers exchange
    # plain RFC 6455 frames, which is what the runtime under test must read and write.
    "compression": None,
    # None: no keepalive pings of our own, so a test sees only the frames it caused.
    "ping_interval": None,
}


def ws_options(deflate: bool) -> dict:
    """WS_OPTIONS, with permessage-deflate on (websockets' own defaults) when deflate is set."""
    return {**WS_OPTIONS, "compression": "deflate"} if deflate else WS_OPTIONS


def deflate_arg(parser: argparse.ArgumentParser) -> None:
    """Adds --deflate: permessage-deflate on (RFC 7692)."""
    parser.add_argument("--deflate", action="store_true", help="use permessage-deflate")


def tls_args(parser: argparse.ArgumentParser) -> None:
    """Adds --tls-cert/--tls-key (PEM: a server speaks wss) and --ca (PEM: the one certificate
    a client trusts)."""
    parser.add_argument("--tls-cert", help="server certificate (PEM); serves wss://")
    parser.add_argument("--tls-key", help="server private key (PEM)")
    parser.add_argument("--ca", help="certificate a wss:// server must present (PEM)")


def server_ssl(args):
    """The server's SSL context, or None for plain ws://."""
    if args.tls_cert is None:
        return None
    import ssl
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.tls_cert, args.tls_key)
    return context


def client_ssl(args):
    """The client's SSL context trusting --ca only, or None (websockets' default for wss)."""
    if args.ca is None:
        return None
    import ssl
    return ssl.create_default_context(cafile=args.ca)


def timeout_arg(parser: argparse.ArgumentParser) -> None:
    """Adds the overall --timeout every peer script takes (seconds, default 60)."""
    parser.add_argument("--timeout", type=float, default=60.0, help="overall time limit in seconds")
