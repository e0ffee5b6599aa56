"""Sending client peer (Python websockets 10.4):
    send_client.py <url> <spec> [--fragment bytes] [--deflate] [--timeout seconds] [--ca PEM]

<spec> lists messages, e.g. "t0,b125,t65536" (t = text, b = binary, then the UTF-8 or
byte length); message i carries payload number i (payload.py). Each message is sent, its
echo awaited and compared byte for byte (and by type) before the next one goes.
With --fragment N a message is passed to send() as a list of fragments of at most N bytes;
websockets 10.4 sends each as a frame and then an empty final CONTINUATION frame, and text
fragments must be whole characters (str). Prints "OK <count>" and exits 0, or
"FAIL <why>" and exits 1; timeout default 60 s."""

import argparse
import asyncio
import sys

import websockets

from options import client_ssl, deflate_arg, timeout_arg, tls_args, ws_options
from payload import binary_payload, parse_spec, text_fragments, text_payload


def fragments(payload, size):
    if isinstance(payload, str):
        return text_fragments(payload, size) or [""]
    return [payload[i:i + size] for i in range(0, len(payload), size)] or [b""]


def first_difference(a, b):
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


async def main(url, plan, fragment, ssl_context, deflate):
    extra = {} if ssl_context is None else {"ssl": ssl_context}
    async with websockets.connect(url, **extra, **ws_options(deflate)) as ws:
        accepted = ws.response_headers.get("Sec-WebSocket-Extensions", "")
        if deflate and "permessage-deflate" not in accepted:
            return f"permessage-deflate was not negotiated: '{accepted}'"
        for seed, (binary, size) in enumerate(plan):
            what = f"message {seed} ({'binary' if binary else 'text'}, {size} bytes)"
            payload = binary_payload(seed, size) if binary else text_payload(seed, size)
            # An empty iterable would send nothing at all, hence the [""] / [b""] above.
            await ws.send(fragments(payload, fragment) if fragment > 0 else payload)
            try:
                echo = await ws.recv()
            except websockets.ConnectionClosed as e:
                return f"closed {e.code} {e.reason} after {seed} of {len(plan)} echoes"
            if isinstance(echo, bytes) != binary:
                return f"{what}: echo came back as {'binary' if isinstance(echo, bytes) else 'text'}"
            got = echo if binary else echo.encode("utf-8")
            want = payload if binary else payload.encode("utf-8")
            if got != want:
                return f"{what}: echo has {len(got)} bytes, first difference at byte {first_difference(got, want)}"
        await ws.close(1000, "done")
    return None


async def bounded(args):
    try:
        failure = await asyncio.wait_for(
            main(args.url, parse_spec(args.spec), args.fragment, client_ssl(args), args.deflate), args.timeout)
    except asyncio.TimeoutError:
        failure = f"timeout after {args.timeout} s"
    except (OSError, ValueError, websockets.WebSocketException) as e:
        failure = f"{type(e).__name__}: {e}"
    if failure is None:
        print(f"OK {len(parse_spec(args.spec))}", flush=True)
        return 0
    print(f"FAIL {failure}", flush=True)
    return 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url")
    parser.add_argument("spec")
    parser.add_argument("--fragment", type=int, default=0, help="fragment size in bytes, 0 = whole messages")
    timeout_arg(parser)
    tls_args(parser)
    deflate_arg(parser)
    sys.exit(asyncio.run(bounded(parser.parse_args())))
