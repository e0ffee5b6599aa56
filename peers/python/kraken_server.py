"""Kraken contract server peer (Python websockets 10.4): `kraken_server.py [port] [--timeout s]`.

Speaks the Kraken WebSocket contract (spec-v3.0.0/kraken-websocket-request-reply-multiple-
channels-asyncapi.yml) with hand-written JSON, for the generated-client tests. On connect it
pushes a systemStatus, two heartbeats, then one malformed message and one unknown event (the
client must report both and stay connected), then a last heartbeat. It answers ping with pong
and subscribe with subscriptionStatus, copying reqid. Prints "LISTENING <port>" when ready;
exits on SIGTERM (0) or after the timeout (1)."""

import argparse
import asyncio
import json
import signal
import sys

import websockets

from options import WS_OPTIONS, timeout_arg


async def serve(ws):
    await ws.send(json.dumps({"event": "systemStatus", "connectionID": 8628615390848610000,
                              "status": "online", "version": "1.8.0"}))
    await ws.send(json.dumps({"event": "heartbeat"}))
    await ws.send(json.dumps({"event": "heartbeat"}))
    await ws.send('{"event": "heartbeat"')
    await ws.send(json.dumps({"event": "teleport"}))
    await ws.send(json.dumps({"event": "heartbeat"}))
    try:
        async for text in ws:
            request = json.loads(text)
            if request.get("event") == "ping":
                await ws.send(json.dumps({"event": "pong", "reqid": request.get("reqid")}))
            elif request.get("event") == "subscribe":
                pair = request.get("pair", [])
                await ws.send(json.dumps({"event": "subscriptionStatus", "reqid": request.get("reqid"),
                                          "channelID": 10001, "channelName": "ohlc-5", "pair": pair,
                                          "status": "online", "subscription": {"name": "ohlc", "interval": 5}}))
            else:
                print(f"unexpected request: {text}", flush=True)
    except websockets.ConnectionClosedError as e:
        print(f"connection failed: {e}", file=sys.stderr, flush=True)


async def main(port, timeout):
    stop = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set_result, 0)
    async with websockets.serve(serve, "127.0.0.1", port, **WS_OPTIONS) as server:
        print(f"LISTENING {server.sockets[0].getsockname()[1]}", flush=True)
        try:
            return await asyncio.wait_for(stop, timeout)
        except asyncio.TimeoutError:
            print(f"Kraken server stopped after its {timeout} s timeout.", file=sys.stderr)
            return 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("port", type=int, nargs="?", default=0)
    timeout_arg(parser)
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.port, args.timeout)))
