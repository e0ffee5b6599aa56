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


def timeout_arg(parser: argparse.ArgumentParser) -> None:
    """Adds the overall --timeout every peer script takes (seconds, default 60)."""
    parser.add_argument("--timeout", type=float, default=60.0, help="overall time limit in seconds")
