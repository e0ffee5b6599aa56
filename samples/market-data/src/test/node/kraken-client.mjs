// An independent client of the simulated exchange: Node's `ws`, raw JSON written from the
// contract (kraken-websocket-request-reply-multiple-channels-asyncapi.yml), no generated code.
// What NodeInteropTest runs.
//
//   node kraken-client.mjs --url ws://127.0.0.1:PORT --peers PEERS_DIR
//
// PEERS_DIR is the repository's peers/ folder, whose node_modules holds ws
// (`npm ci --prefix peers`). Exit code 0 and "kraken-client: ok" when every step passed.
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import path from 'node:path';

const STEP_TIMEOUT_MS = 10_000;   // one expected message; the exchange answers in milliseconds
const TOTAL_TIMEOUT_MS = 60_000;

const options = parseArgs(process.argv.slice(2));
const require = createRequire(path.join(path.resolve(options.peers), 'package.json'));
const WebSocket = require('ws');

const watchdog = setTimeout(() => fail(new Error(`gave up after ${TOTAL_TIMEOUT_MS} ms`)), TOTAL_TIMEOUT_MS);
const inbox = [];
const waiters = [];
const socket = new WebSocket(options.url);
socket.on('message', (data, isBinary) => {
  assert.equal(isBinary, false, 'the contract has JSON text only');
  inbox.push(JSON.parse(data.toString('utf8')));
  for (const waiter of waiters.splice(0)) waiter();
});
socket.on('error', fail);

try {
  await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });

  const status = await expect((m) => m.event === 'systemStatus', 'systemStatus');
  assert.equal(status.status, 'online');
  assert.equal(typeof status.connectionID, 'number');

  send({ event: 'ping', reqid: 7 });
  assert.deepEqual(await expect((m) => m.event === 'pong', 'pong'), { event: 'pong', reqid: 7 });

  send({ event: 'subscribe', reqid: 42, pair: ['XBT/USD'], subscription: { name: 'ticker' } });
  const subscribed = await expect((m) => m.event === 'subscriptionStatus', 'subscriptionStatus');
  assert.equal(subscribed.reqid, 42);
  assert.equal(subscribed.channelName, 'ticker');
  assert.equal(typeof subscribed.channelID, 'number');
  assert.deepEqual(subscribed.pair, ['XBT/USD']);
  assert.equal(subscribed.subscription.name, 'ticker');
  assert.equal(subscribed.errorMessage, undefined);

  for (let i = 0; i < 3; i++) {
    const tick = await expect((m) => m.event === 'currencyInfo', 'a tick');
    assert.equal(tick.data.pair, 'XBT/USD');
    assert.equal(tick.data.channelID, subscribed.channelID);
    assert.match(tick.data.bid, /^\d+\.\d{2}$/, 'prices are quoted decimals');
  }

  send({ event: 'subscribe', reqid: 43, pair: ['XBT/USD'], subscription: { name: 'book', depth: 25 } });
  const refused = await expect((m) => m.event === 'subscriptionStatus', 'an error status');
  assert.equal(refused.reqid, 43);
  assert.match(refused.errorMessage, /only ticker/);

  // Text outside the contract is ignored; the connection stays usable.
  socket.send('this is not JSON');
  socket.send(JSON.stringify({ event: 'noSuchEvent' }));
  send({ event: 'ping', reqid: 8 });
  assert.equal((await expect((m) => m.event === 'pong', 'pong after invalid input')).reqid, 8);

  send({ event: 'unsubscribe', reqid: 44, pair: ['XBT/USD'], subscription: { name: 'ticker' } });
  const unsubscribed = await expect((m) => m.event === 'subscriptionStatus', 'unsubscribe status');
  assert.equal(unsubscribed.reqid, 44);
  assert.equal(unsubscribed.channelID, subscribed.channelID);

  await expect((m) => m.event === 'heartbeat', 'a heartbeat once the stream stopped');

  await new Promise((resolve) => { socket.once('close', resolve); socket.close(1000); });
  console.log('kraken-client: ok');
  clearTimeout(watchdog);
  process.exit(0);
} catch (error) {
  fail(error);
}

function send(message) {
  socket.send(JSON.stringify(message));
}

// Resolves with the first message (oldest first) that fits; the ones before it are dropped.
async function expect(fits, what) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    while (inbox.length > 0) {
      const message = inbox.shift();
      if (fits(message)) return message;
    }
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`no ${what} within ${STEP_TIMEOUT_MS} ms`);
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, left);
      waiters.push(() => { clearTimeout(timer); resolve(); });
    });
  }
}

function fail(error) {
  console.error(`kraken-client: FAILED: ${error.stack ?? error}`);
  process.exit(1);
}

function parseArgs(argv) {
  const result = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!['url', 'peers'].includes(key) || argv[i + 1] === undefined) {
      console.error(`Unknown or incomplete option ${argv[i]}. Usage: --url URL --peers DIR`);
      process.exit(2);
    }
    result[key] = argv[i + 1];
  }
  if (!result.url || !result.peers) {
    console.error('--url and --peers are required.');
    process.exit(2);
  }
  return result;
}
