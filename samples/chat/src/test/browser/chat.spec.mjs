// Two headless Chromium pages chat through the Java server: what ChatBrowserTest runs.
//
//   node chat.spec.mjs --url http://127.0.0.1:PORT/ --peers PEERS_DIR [--chromium /usr/bin/chromium]
//
// PEERS_DIR is the repository's peers/ folder, whose node_modules holds playwright-core
// (`npm ci --prefix peers`). The Java test keeps a generated client in the room as "java"; it
// answers bob's line with "hello from java", which both pages must show. Exit code 0: all seen.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const STEP_TIMEOUT_MS = 15_000;   // one expectation; the server answers in milliseconds
const TOTAL_TIMEOUT_MS = 90_000;  // the whole script, browser start included

const options = parseArgs(process.argv.slice(2));
const require = createRequire(path.join(path.resolve(options.peers), 'package.json'));
const { chromium } = require('playwright-core');

const watchdog = setTimeout(() => fail(`gave up after ${TOTAL_TIMEOUT_MS} ms`), TOTAL_TIMEOUT_MS);
const userDataDir = mkdtempSync(path.join(tmpdir(), 'asyncws-chat-chromium-'));
let context = null;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const alice = await openPage('alice');
  const bob = await openPage('bob');

  await join(alice, 'alice');
  await join(bob, 'bob');
  // Each join makes the page ask for the member list (request/reply with a requestId).
  await members(alice, ['java', 'alice', 'bob']);
  await members(bob, ['java', 'alice', 'bob']);

  // Typing crosses as its own event before the line is sent.
  await alice.locator('#text').pressSequentially('hi bob');
  await bob.locator('#typing', { hasText: 'alice is typing' }).waitFor();
  await alice.click('#send');
  await line(bob, 'alice: hi bob');
  await line(alice, 'alice: hi bob');

  await bob.locator('#text').fill('hi alice');
  await bob.click('#send');
  await line(alice, 'bob: hi alice');

  // The Java client answers bob's line.
  await line(alice, 'java: hello from java');
  await line(bob, 'java: hello from java');

  // Leaving is seen by the other page and by the member list.
  await bob.close();
  await line(alice, 'bob left');
  await members(alice, ['java', 'alice']);

  console.log('chat.spec: ok');
  await finish(0);
} catch (error) {
  console.error(`chat.spec: FAILED: ${error.stack ?? error}`);
  await finish(1);
}

async function openPage(name) {
  const page = await context.newPage();
  page.on('console', (msg) => console.log(`[${name} console] ${msg.text()}`));
  page.on('pageerror', (error) => console.log(`[${name} page error] ${error.message}`));
  await page.goto(options.url);
  return page;
}

async function join(page, name) {
  await page.fill('#name', name);
  await page.fill('#room', 'lobby');
  await page.click('#join');
  await page.locator('#status', { hasText: `as ${name}` }).waitFor();
}

async function line(page, text) {
  await page.locator('#messages li').filter({ hasText: text }).first().waitFor();
}

async function members(page, expected) {
  await page.waitForFunction(
    (want) => [...document.querySelectorAll('#members li')].map((li) => li.textContent).join(',') === want,
    expected.join(','), { timeout: STEP_TIMEOUT_MS });
}

async function finish(code) {
  clearTimeout(watchdog);
  if (context) await context.close().catch(() => {});
  rmSync(userDataDir, { recursive: true, force: true });
  process.exit(code);
}

function fail(message) {
  console.error(`chat.spec: FAILED: ${message}`);
  rmSync(userDataDir, { recursive: true, force: true });
  process.exit(1);   // Playwright's exit handler kills the browser it started
}

function parseArgs(argv) {
  const result = { chromium: '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!['url', 'peers', 'chromium'].includes(key) || argv[i + 1] === undefined) {
      console.error(`Unknown or incomplete option ${argv[i]}. Usage: --url URL --peers DIR [--chromium PATH]`);
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
