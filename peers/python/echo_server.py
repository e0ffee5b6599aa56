"""Echo server peer (Python websockets 10.4):
    echo_server.py [port] [--deflate] [--timeout seconds] [--tls-cert PEM --tls-key PEM]


Listens on 127.0.0.1 (port 0 = any free port), prints exactly one line "LISTENING <port>"
when ready, echoes every message with its type (str as text, bytes as binary), and exits
on SIGTERM (status 0) or when the timeout (default 60 s) passes (status 1)."""

import argparse
import asyncio
import signal
import sys

import websockets

from options import deflate_arg, server_ssl, timeout_arg, tls_args, ws_options


async def echo(ws):
    try:
        async for message in ws:
            await ws.send(message)
    except websockets.ConnectionClosedError as e:
        # One line instead of websockets' traceback: the test reads the code from here.
        print(f"connection failed: {e}", file=sys.stderr, flush=True)


async def main(port, timeout, ssl_context, deflate):
    stop = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set_result, 0)
    async with websockets.serve(echo, "127.0.0.1", port, ssl=ssl_context, **ws_options(deflate)) as server:
        print(f"LISTENING {server.sockets[0].getsockname()[1]}", flush=True)
        try:
            return await asyncio.wait_for(stop, timeout)
        except asyncio.TimeoutError:
            print(f"Echo server stopped after its {timeout} s timeout.", file=sys.stderr)
            return 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("port", type=int, nargs="?", default=0)
    timeout_arg(parser)
    tls_args(parser)
    deflate_arg(parser)
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.port, args.timeout, server_ssl(args), args.deflate)))
