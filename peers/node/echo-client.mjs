// Echo client peer (Node ws): `node echo-client.mjs <url> [--timeout seconds]`.
// Echoes every message back with its type until the server closes, then prints
// "CLOSED <code> <reason>" and exits 0 after a closing handshake, 1 if the connection
// dropped without one (code 1006), failed, or the timeout (default 60 s) passed.
import WebSocket from 'ws';
import { parseArgs } from 'node:util';
import { WS_OPTIONS } from './options.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { timeout: { type: 'string', default: '60' } },
});
if (positionals.length !== 1) {
  console.log('FAIL usage: echo-client.mjs <url> [--timeout seconds]');
  process.exit(2);
}

const ws = new WebSocket(positionals[0], WS_OPTIONS);
ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
ws.on('error', (err) => console.error(`error: ${err.message}`));
ws.on('close', (code, reason) => {
  console.log(`CLOSED ${code} ${reason.toString()}`);
  process.exit(code === 1006 ? 1 : 0);
});
setTimeout(() => {
  console.log(`FAIL timeout: no close within ${values.timeout} s`);
  process.exit(1);
}, Number(values.timeout) * 1000);
