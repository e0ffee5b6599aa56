"""Echo client peer (Python websockets 10.4): `echo_client.py <url> [--timeout seconds]`.

Echoes every message back with its type until the server closes, then prints
"CLOSED <code> <reason>" and exits 0 after a closing handshake, 1 if the connection
dropped without one (code 1006), failed, or the timeout (default 60 s) passed."""

import argparse
import asyncio
import sys

import websockets

from options import WS_OPTIONS, timeout_arg


async def main(url):
    async with websockets.connect(url, **WS_OPTIONS) as ws:
        try:
            async for message in ws:
                await ws.send(message)
        except websockets.ConnectionClosed:
            pass  # close_code below tells a clean close (any code) from a dropped one
        # `async for` ends at a 1000/1001 close, raises for others; both land here.
        await ws.wait_closed()
        print(f"CLOSED {ws.close_code} {ws.close_reason}", flush=True)
        return 1 if ws.close_code == 1006 else 0


async def bounded(url, timeout):
    try:
        return await asyncio.wait_for(main(url), timeout)
    except asyncio.TimeoutError:
        print(f"FAIL timeout: no close within {timeout} s", flush=True)
    except (OSError, websockets.WebSocketException) as e:
        print(f"FAIL {type(e).__name__}: {e}", flush=True)
    return 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    timeout_arg(parser)
    args = parser.parse_args()
    sys.exit(asyncio.run(bounded(args.url, args.timeout)))
