// The chat page: plain browser WebSocket API, no framework. It speaks the messages of
// samples/chat/src/main/asyncapi/chat.yml as JSON text.
'use strict';

const TYPING_SHOWN_MS = 3000;   // how long "x is typing" stays without a new typing event
const TYPING_EVERY_MS = 2000;   // at most one typing event per this interval while typing

const $ = (id) => document.getElementById(id);
let socket = null;
let me = null;
let nextRequestId = 1;
let lastTypingSent = 0;
let typingTimer = null;

$('join-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  me = $('name').value.trim();
  const room = $('room').value.trim();
  if (!me || !room) return;
  // The page server tells which port the WebSocket API listens on (see PageServer.java).
  const config = await (await fetch('config.json')).json();
  const url = `ws://${location.hostname}:${config.webSocketPort}/rooms/${encodeURIComponent(room)}`;
  socket = new WebSocket(url);
  socket.addEventListener('open', () => {
    setStatus(`in room ${room} as ${me}`);
    send({ type: 'join', user: me });
    $('join-form').hidden = true;
    $('chat').hidden = false;
    $('text').focus();
  });
  socket.addEventListener('message', (e) => receive(JSON.parse(e.data)));
  socket.addEventListener('close', (e) => setStatus(`disconnected (${e.code}${e.reason ? ' ' + e.reason : ''})`));
  socket.addEventListener('error', () => setStatus('connection failed'));
});

$('send-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('text').value;
  if (text.trim() === '') return;
  send({ type: 'message', text });
  $('text').value = '';
});

$('text').addEventListener('input', () => {
  const now = Date.now();
  if (now - lastTypingSent >= TYPING_EVERY_MS) {
    lastTypingSent = now;
    send({ type: 'typing' });
  }
});

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

function receive(message) {
  switch (message.type) {
    case 'join':
      addLine(`${message.user} joined`, 'event');
      askForMembers();
      break;
    case 'leave':
      addLine(`${message.user} left`, 'event');
      askForMembers();
      break;
    case 'message':
      addLine(`${message.user}: ${message.text}`, 'message');
      clearTyping();
      break;
    case 'typing':
      if (message.user !== me) showTyping(message.user);
      break;
    case 'memberList':
      showMembers(message.members);
      break;
    default:
      console.warn('unknown message', message);
  }
}

// Request/reply from the contract: the reply carries our requestId back.
function askForMembers() {
  send({ type: 'listMembers', requestId: `page-${nextRequestId++}` });
}

function addLine(text, kind) {
  const li = document.createElement('li');
  li.className = kind;
  li.textContent = text;   // textContent, never innerHTML: chat text is untrusted
  $('messages').append(li);
  li.scrollIntoView({ block: 'nearest' });
}

function showMembers(members) {
  $('members').replaceChildren(...members.map((name) => {
    const li = document.createElement('li');
    li.textContent = name;
    return li;
  }));
}

function showTyping(user) {
  $('typing').textContent = `${user} is typing…`;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(clearTyping, TYPING_SHOWN_MS);
}

function clearTyping() {
  $('typing').textContent = '';
}

function setStatus(text) {
  $('status').textContent = text;
}
