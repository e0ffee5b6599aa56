// Sending client peer (Node ws):
//   node send-client.mjs <url> <spec> [--fragment bytes] [--deflate] [--timeout seconds] [--ca PEM]
// --deflate offers permessage-deflate and fails unless the server accepted it;
// --server-max-window-bits N (with --deflate) asks for the server's window to be 2^N bytes.
// (--ca: the certificate a wss:// server must present, instead of Node's default CAs)
// <spec> lists messages, e.g. "t0,b125,t65536" (t = text, b = binary, then the UTF-8 or
// byte length); message i carries payload number i (payload.mjs). Each message is sent,
// its echo awaited and compared byte for byte (and by type) before the next one goes.
// With --fragment N a message goes out in frames of N payload bytes cut at exact byte
// offsets (so a UTF-8 character may straddle two text frames), followed by an empty
// final frame when that would leave a single frame, so it is always fragmented.
// Prints "OK <count>" and exits 0, or "FAIL <why>" and exits 1; timeout default 60 s.
import WebSocket from 'ws';
import { parseArgs } from 'node:util';
import { TLS_ARGS, tlsFiles, wsOptions } from './options.mjs';
import { binaryPayload, parseSpec, textPayload } from './payload.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    fragment: { type: 'string', default: '0' },
    deflate: { type: 'boolean', default: false },
    'server-max-window-bits': { type: 'string' },
    timeout: { type: 'string', default: '60' },
    ...TLS_ARGS,
  },
});

function fail(why) {
  console.log(`FAIL ${why}`);
  process.exit(1);
}

if (positionals.length !== 2) fail('usage: send-client.mjs <url> <spec> [--fragment bytes] [--timeout seconds]');
const [url, spec] = positionals;
const plan = parseSpec(spec);
const fragment = Number(values.fragment);
setTimeout(() => fail(`timeout after ${values.timeout} s`), Number(values.timeout) * 1000);

function send(ws, payload, binary) {
  if (fragment <= 0) {
    ws.send(payload, { binary });
    return;
  }
  const pieces = [];
  for (let i = 0; i < payload.length; i += fragment) pieces.push(payload.subarray(i, i + fragment));
  while (pieces.length < 2) pieces.push(Buffer.alloc(0));
  // ws takes the opcode from `binary` on the first piece and sends CONTINUATION after it;
  // a Buffer with binary: false goes out as text, so pieces need not be whole characters.
  pieces.forEach((piece, i) => ws.send(piece, { binary, fin: i === pieces.length - 1 }));
}

function firstDifference(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

const { ca } = await tlsFiles(values);
const WS_OPTIONS = wsOptions(values.deflate, values['server-max-window-bits']);
const ws = new WebSocket(url, ca === undefined ? WS_OPTIONS : { ...WS_OPTIONS, ca });
let next = 0;
let expected;

function sendNext() {
  if (next === plan.length) {
    ws.close(1000, 'done');
    return;
  }
  const { binary, size } = plan[next];
  expected = { binary, payload: binary ? binaryPayload(next, size) : textPayload(next, size) };
  send(ws, expected.payload, binary);
}

ws.on('open', () => {
  if (values.deflate && !ws.extensions.includes('permessage-deflate')) {
    fail(`permessage-deflate was not negotiated: '${ws.extensions}'`);
  }
  sendNext();
});
ws.on('message', (data, isBinary) => {
  const what = `message ${next} (${plan[next]?.binary ? 'binary' : 'text'}, ${plan[next]?.size} bytes)`;
  if (expected === undefined) fail(`unexpected message after the plan ended`);
  if (isBinary !== expected.binary) fail(`${what}: echo came back as ${isBinary ? 'binary' : 'text'}`);
  if (!data.equals(expected.payload)) {
    fail(`${what}: echo has ${data.length} bytes, first difference at byte ${firstDifference(data, expected.payload)}`);
  }
  next++;
  expected = undefined;
  sendNext();
});
ws.on('error', (err) => fail(`error: ${err.message}`));
ws.on('close', (code, reason) => {
  if (next < plan.length) fail(`closed ${code} ${reason.toString()} after ${next} of ${plan.length} echoes`);
  console.log(`OK ${plan.length}`);
  process.exit(0);
});
