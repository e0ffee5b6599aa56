// Options shared by every ws peer, so the limits are stated once.
export const WS_OPTIONS = Object.freeze({
  // 64 MiB: the largest message the interop tests send is accepted whole.
  maxPayload: 64 * 1024 * 1024,
  // 0 = no limit. ws 8.23 otherwise closes with 1008 after 16384 frames of one message,
  // which a 16 MiB message in 1000-byte fragments exceeds.
  maxFragments: 0,
  // Off (the ws client offers it by default): the peers exchange plain RFC 6455 frames,
  // which is what the runtime under test must read and write.
  perMessageDeflate: false,
});

// With --deflate: permessage-deflate on (RFC 7692), every message compressed however short
// (threshold 0; ws's default of 1024 bytes would leave the small ones plain).
// serverMaxWindowBits (8-15, optional) asks the server for a smaller window, which ws's
// inflater then enforces: a back-reference beyond it fails the connection.
export function wsOptions(deflate, serverMaxWindowBits) {
  if (!deflate) return WS_OPTIONS;
  const perMessageDeflate = { threshold: 0 };
  if (serverMaxWindowBits) perMessageDeflate.serverMaxWindowBits = Number(serverMaxWindowBits);
  return { ...WS_OPTIONS, perMessageDeflate };
}

// TLS flags every script accepts: --tls-cert/--tls-key (PEM) make a server speak wss,
// --ca (PEM) is the one certificate a client trusts. Read here so each script stays short.
export const TLS_ARGS = Object.freeze({
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  ca: { type: 'string' },
});

export async function tlsFiles(values) {
  const { readFileSync } = await import('node:fs');
  const read = (file) => (file === undefined ? undefined : readFileSync(file));
  return { cert: read(values['tls-cert']), key: read(values['tls-key']), ca: read(values.ca) };
}
