// Echo server peer (Node ws):
//   node echo-server.mjs [port] [--deflate] [--timeout seconds] [--tls-cert PEM --tls-key PEM]
// --deflate turns permessage-deflate on (every message compressed).
// With the TLS flags it serves wss:// (https.createServer) and prints "SNI <name>" for
// every connection (the server name the client sent, "-" for none).
// Listens on 127.0.0.1 (port 0 = any free port), prints exactly one line
// "LISTENING <port>" when ready, echoes every message with its type, and exits on
// SIGTERM or when the timeout (default 60 s) passes.
import { WebSocketServer } from 'ws';
import { parseArgs } from 'node:util';
import { createServer } from 'node:https';
import { TLS_ARGS, tlsFiles, wsOptions } from './options.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { timeout: { type: 'string', default: '60' }, deflate: { type: 'boolean', default: false }, ...TLS_ARGS },
});
const port = Number(positionals[0] ?? 0);
const { cert, key } = await tlsFiles(values);
const WS_OPTIONS = wsOptions(values.deflate);

let wss;
if (cert !== undefined) {
  const https = createServer({ cert, key });
  wss = new WebSocketServer({ ...WS_OPTIONS, server: https });
  https.on('listening', () => wss.emit('listening'));
  https.on('tlsClientError', (err) => console.error(`tls error: ${err.message}`));
  https.listen(port, '127.0.0.1');
} else {
  wss = new WebSocketServer({ ...WS_OPTIONS, host: '127.0.0.1', port });
}

wss.on('connection', (ws, req) => {
  if (cert !== undefined) console.log(`SNI ${req.socket.servername || '-'}`);
  ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
  ws.on('error', (err) => console.error(`connection error: ${err.message}`));
});
wss.on('listening', () => console.log(`LISTENING ${wss.address().port}`));
wss.on('error', (err) => {
  console.error(`server error: ${err.message}`);
  process.exit(1);
});

function stop(code) {
  for (const client of wss.clients) client.terminate();
  wss.close(() => process.exit(code));
}
process.on('SIGTERM', () => stop(0));
setTimeout(() => {
  console.error(`Echo server stopped after its ${values.timeout} s timeout.`);
  stop(1);
}, Number(values.timeout) * 1000);
