// Kraken contract client peer (Node ws), for the generated-server tests:
//   node kraken-client.mjs <url> [--timeout seconds]
// Speaks the Kraken WebSocket contract (spec-v3.0.0/kraken-websocket-request-reply-multiple-
// channels-asyncapi.yml) with hand-written JSON: ping → pong with the same reqid, subscribe →
// subscriptionStatus with the same reqid; sends one malformed message and one unknown event in
// between and checks that the connection stays up. Waits for one systemStatus push.
// Prints "OK" and exits 0 after a clean close, or "FAIL <why>" and exits 1; timeout default 60 s.
import WebSocket from 'ws';
import { parseArgs } from 'node:util';
import { WS_OPTIONS } from './options.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { timeout: { type: 'string', default: '60' } },
});

function fail(why) {
  console.log(`FAIL ${why}`);
  process.exit(1);
}

if (positionals.length !== 1) fail('usage: kraken-client.mjs <url> [--timeout seconds]');
setTimeout(() => fail(`timeout after ${values.timeout} s`), Number(values.timeout) * 1000);

const ws = new WebSocket(positionals[0], WS_OPTIONS);
const waiting = [];
const received = [];

// Resolves with the first message (past or future) that satisfies `test`.
function expect(test, what) {
  const index = received.findIndex(test);
  if (index >= 0) return Promise.resolve(received.splice(index, 1)[0]);
  return new Promise((resolve) => waiting.push({ test, resolve, what }));
}

ws.on('message', (data, isBinary) => {
  if (isBinary) fail('binary message from the server');
  let message;
  try {
    message = JSON.parse(data.toString('utf8'));
  } catch (e) {
    fail(`server sent invalid JSON: ${data}`);
  }
  const index = waiting.findIndex((w) => w.test(message));
  if (index >= 0) waiting.splice(index, 1)[0].resolve(message);
  else received.push(message);
});

ws.on('error', (e) => fail(`error: ${e.message}`));

ws.on('open', async () => {
  await expect((m) => m.event === 'systemStatus' && m.status === 'online', 'systemStatus');
  ws.send(JSON.stringify({ event: 'ping', reqid: 7 }));
  await expect((m) => m.event === 'pong' && m.reqid === 7, 'pong 7');
  ws.send(JSON.stringify({ event: 'subscribe', reqid: 8, pair: ['XBT/EUR'], subscription: { name: 'ohlc', interval: 5 } }));
  const status = await expect((m) => m.event === 'subscriptionStatus' && m.reqid === 8, 'subscriptionStatus 8');
  if (status.channelName !== 'ohlc-5') fail(`unexpected subscriptionStatus ${JSON.stringify(status)}`);
  // Contract violations: the server must report them and keep the connection.
  ws.send('{"event": "ping", "reqid": ');
  ws.send(JSON.stringify({ event: 'teleport', reqid: 1 }));
  ws.send(JSON.stringify({ event: 'ping', reqid: 9 }));
  await expect((m) => m.event === 'pong' && m.reqid === 9, 'pong 9');
  ws.close(1000, 'done');
});

ws.on('close', (code) => {
  if (code !== 1000) fail(`closed with ${code}`);
  console.log('OK');
  process.exit(0);
});
