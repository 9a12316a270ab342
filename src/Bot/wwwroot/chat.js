// ChatSurvey web chat. Plain ES2020, no dependencies, nothing global.
(() => {
  'use strict';

  const API = '/api/chat/conversations';
  const K_CONV = 'chatsurvey.conversation';
  const K_LOG = 'chatsurvey.transcript';
  const K_PEND = 'chatsurvey.pending'; // sent, not yet answered
  const MAX_LOG = 100;
  const TIMEOUT = 30000;
  const RETRY = new Set([429, 502, 503, 504]);
  const TOKEN = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/;
  const OFFLINE = 'Sin conexión. Reintentando…';

  const $ = (s) => document.querySelector(s);
  const log = $('#transcript');
  const form = $('#composer');
  const input = $('#message');
  const status = $('#status');
  const tray = $('#options');
  const bar = $('#progress');
  const barText = $('#progress-text');
  if (!log || !form || !input || !status || !tray || !bar || !barText) return;

  let leaving = false;
  const store = {
    get(k) { try { return localStorage.getItem(k); } catch { return null; } },
    set(k, v) { if (leaving) return; try { localStorage.setItem(k, v); } catch { /* full or blocked */ } },
    list(k) {
      try { const v = JSON.parse(this.get(k)); return Array.isArray(v) ? v : []; } catch { return []; }
    },
  };

  function rid() {
    const c = window.crypto;
    if (c && typeof c.randomUUID === 'function') return c.randomUUID();
    const b = new Uint8Array(16);
    if (c && c.getRandomValues) c.getRandomValues(b);
    else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
    return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  }

  const str = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
  function cleanChoices(list) {
    if (!Array.isArray(list)) return [];
    const out = [];
    for (const c of list) {
      const value = c && str(c.value);
      if (value === null) continue;
      out.push({ value, label: str(c.label) || value });
    }
    return out;
  }

  // transcript
  // entry: { w: 'bot'|'user'|'note', t: text, s?: style, c?: choices (only on the current question) }
  let entries = store.list(K_LOG)
    .filter((e) => e && typeof e.t === 'string' && (e.w === 'bot' || e.w === 'user' || e.w === 'note'))
    .slice(-MAX_LOG);
  let current = null; // last bot entry carrying choices

  function save() {
    if (entries.length > MAX_LOG) entries = entries.slice(-MAX_LOG);
    store.set(K_LOG, JSON.stringify(entries));
  }

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  // The newest message in view; a question taller than the conversation's window shows from its first line ("Pregunta
  // 11 de 12"), so its options below never push it out of sight.
  // When the page scrolls as a whole (large text, see chat.css), the question's first line goes to the top instead.
  function showQuestion() {
    const last = log.lastElementChild;
    if (getComputedStyle(log).overflowY === 'visible') { if (last) last.scrollIntoView({ block: 'start' }); }
    else if (last && last.classList.contains('bot') && last.offsetHeight > log.clientHeight) log.scrollTop = last.offsetTop - 8;
    else scrollDown();
  }

  // Addresses in the bot's texts ("www.ogaipoaxaca.org.mx") become links; only http(s), so no other scheme can sneak in.
  const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
  function linkify(el, text) {
    let at = 0;
    for (const m of text.matchAll(LINK)) {
      const url = m[0].replace(/[.,;:!?)\]»'"]+$/, '');
      el.append(text.slice(at, m.index));
      const a = document.createElement('a');
      a.href = (/^www\./i.test(url) ? 'https://' : '') + url;
      a.textContent = url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      el.append(a);
      at = m.index + url.length;
    }
    el.append(text.slice(at));
  }

  // "Pregunta 3 de 12" on a question's first line moves the progress bar (any language that writes "<word> N <word> M").
  const STEP = /^[^\d\n]{1,30}?(\d{1,3})[^\d\n]{1,6}?(\d{1,3})\s*$/;
  function progress(text) {
    const line = text.split('\n', 1)[0];
    const m = STEP.exec(line);
    if (!m || +m[1] < 1 || +m[1] > +m[2]) return;
    bar.hidden = false;
    bar.setAttribute('aria-valuemax', m[2]);
    bar.setAttribute('aria-valuenow', m[1]);
    bar.setAttribute('aria-valuetext', line);
    bar.firstElementChild.style.width = (100 * m[1] / m[2]).toFixed(1) + '%';
    barText.textContent = line;
  }

  function draw(e) {
    const d = document.createElement('div');
    d.className = e.w === 'note' ? 'note' : 'msg ' + e.w;
    if (e.w === 'bot') { linkify(d, e.t); progress(e.t); } else d.textContent = e.t; // never innerHTML
    log.appendChild(d);
  }

  function add(w, t, extra) {
    const e = Object.assign({ w, t }, extra);
    entries.push(e);
    draw(e);
    scrollDown();
    return e;
  }

  function setCurrent(entry) {
    for (const e of entries) if (e !== entry) delete e.c;
    current = entry && entry.c && entry.c.length ? entry : null;
  }

  // chips
  let touch = false;
  document.addEventListener('pointerdown', (e) => { touch = e.pointerType === 'touch'; }, true);

  // Keyboard/mouse: return focus to the input. Touch: don't pop up the on-screen keyboard.
  function refocus(ev) {
    if (!ev || ev.detail === 0 || !touch) input.focus();
  }

  function clearChips() {
    tray.hidden = true;
    tray.textContent = '';
  }

  function button(cls, label) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = label;
    return b;
  }

  // A choice shows what can be typed for it ("3", "E") when that is short and not its label: the texts say "escribe
  // los números", so the buttons carry them. Yes/no needs none.
  function chip(ch, numbered) {
    const b = button('chip', '');
    if (numbered && ch.value !== ch.label && ch.value.length <= 3) {
      const n = document.createElement('span');
      n.className = 'num';
      n.textContent = ch.value;
      b.append(n, ' ');
    }
    b.append(ch.label);
    return b;
  }

  function renderChips() {
    clearChips();
    const cur = current;
    if (!cur) return;
    const multi = cur.s === 'multiple';
    tray.setAttribute('aria-label', multi ? 'Opciones (puedes elegir varias)' : 'Opciones');
    const box = document.createElement('div');
    box.className = 'choices';
    const picked = new Set();
    let done = null;
    for (const ch of cur.c) {
      const b = chip(ch, cur.s !== 'yesNo');
      if (multi) {
        b.setAttribute('aria-pressed', 'false');
        b.addEventListener('click', () => {
          const on = b.getAttribute('aria-pressed') !== 'true';
          b.setAttribute('aria-pressed', String(on));
          if (on) picked.add(ch); else picked.delete(ch);
          done.disabled = picked.size === 0;
        });
      } else {
        b.addEventListener('click', (ev) => { send(ch.value, ch.label); refocus(ev); });
      }
      box.appendChild(b);
    }
    tray.appendChild(box);
    if (multi) {
      const doneBar = document.createElement('div');
      doneBar.className = 'done-bar';
      done = button('chip-done', 'Listo');
      done.disabled = true;
      done.addEventListener('click', (ev) => {
        const sel = cur.c.filter((c) => picked.has(c));
        if (!sel.length) return;
        send(sel.map((c) => c.value).join(','), sel.map((c) => c.label).join(', '));
        refocus(ev);
      });
      doneBar.appendChild(done);
      tray.appendChild(doneBar);
    }
    tray.hidden = false;
    showQuestion();
  }

  // network
  let conv = store.get(K_CONV);
  let queue = store.list(K_PEND).filter((q) => q && typeof q.id === 'string' && typeof q.text === 'string');
  let busy = false;
  let wake = null;

  const saveQueue = () => store.set(K_PEND, JSON.stringify(queue));
  const setStatus = (t) => { if (status.textContent !== t) status.textContent = t; };

  function sleep(ms) {
    return new Promise((resolve) => {
      const done = () => { clearTimeout(timer); wake = null; resolve(); };
      const timer = setTimeout(done, ms);
      wake = done;
    });
  }
  window.addEventListener('online', () => { if (wake) wake(); });
  document.addEventListener('visibilitychange', () => { if (!document.hidden && wake) wake(); });

  function retryAfter(v) {
    if (!v) return null;
    const s = Number(v);
    let ms = Number.isFinite(s) ? s * 1000 : Date.parse(v) - Date.now();
    if (Number.isNaN(ms)) return null;
    return Math.min(Math.max(ms, 500), 300000);
  }

  async function post(url, body) {
    const ctl = typeof AbortController === 'function' ? new AbortController() : null;
    const timer = ctl ? setTimeout(() => ctl.abort(), TIMEOUT) : 0;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body,
        credentials: 'same-origin',
        cache: 'no-store',
        signal: ctl ? ctl.signal : undefined,
      });
      const out = { status: res.status, after: res.headers.get('Retry-After'), data: null };
      if (res.ok) out.data = await res.json(); // a cut-off body throws: retried like a network error
      else if (res.status === 400 || res.status === 403) out.data = await res.json().catch(() => null);
      return out;
    } finally {
      clearTimeout(timer);
    }
  }

  // Proof of work (ALTCHA's challenge format): find n in 0..maxnumber with SHA-256(salt + n) = challenge. Solved while
  // the person reads the privacy notice, not before it is on screen: on a slow phone the hashing would otherwise hold
  // up the notice itself by a second or more. The first answer carries it.
  let challenge = null; // received with the conversation, not yet being solved
  let proof = null;
  let solving = null;
  async function solve(ch) {
    const subtle = window.crypto && window.crypto.subtle;
    if (!ch || ch.algorithm !== 'SHA-256' || !subtle || typeof ch.salt !== 'string') return null;
    const want = ch.challenge;
    const enc = new TextEncoder();
    const hex = (buf) => Array.from(new Uint8Array(buf), (x) => x.toString(16).padStart(2, '0')).join('');
    for (let n = 0; n <= ch.maxnumber; n += 50) {
      const batch = [];
      for (let i = n; i <= Math.min(n + 49, ch.maxnumber); i++) batch.push(subtle.digest('SHA-256', enc.encode(ch.salt + i)));
      const found = (await Promise.all(batch)).findIndex((h) => hex(h) === want);
      if (found >= 0) {
        const answer = { algorithm: ch.algorithm, challenge: want, number: n + found, salt: ch.salt, signature: ch.signature };
        return btoa(JSON.stringify(answer));
      }
    }
    return null;
  }
  function startSolving(ch) { proof = null; challenge = null; solving = ch ? solve(ch) : null; }

  // A new conversation, opened by the bot (which also limits how many one network may open).
  async function open() {
    const res = await post(API, '').catch(() => null);
    if (res && res.status === 200 && res.data && TOKEN.test(res.data.conversation || '')) {
      conv = res.data.conversation;
      store.set(K_CONV, conv);
      proof = null;
      solving = null;
      challenge = res.data.challenge || null;
      return null;
    }
    return res || { status: 0, after: null };
  }

  const isStart = (text) => /^\/start(\s|$)/i.test(text);

  async function deliver(item) {
    const slow = setTimeout(() => { if (!status.textContent) setStatus('Enviando…'); }, 2000);
    try {
      for (let attempt = 0; ; attempt++) {
        let res = conv ? null : await open();
        if (!res) {
          if (!isStart(item.text)) {
            if (!solving && challenge) startSolving(challenge);
            if (solving) { proof = await solving; solving = null; }
          }
          const body = JSON.stringify({ id: item.id, text: item.text, proof: isStart(item.text) ? null : proof });
          try { res = await post(API + '/' + encodeURIComponent(conv) + '/messages', body); } catch { res = null; }
        }
        if (res && res.status >= 200 && res.status < 300) {
          if (res.data && TOKEN.test(res.data.conversation || '')) {
            conv = res.data.conversation; // the proof was accepted: no more needed
            store.set(K_CONV, conv);
            proof = null;
          }
          handleReplies(res.data);
          if (challenge && !solving) startSolving(challenge);
          return;
        }
        if (res && res.status === 403 && res.data && res.data.challenge) {
          startSolving(res.data.challenge);
          continue;
        }
        if (res && res.status === 404) {
          // The bot no longer knows this conversation: start a new one.
          conv = null;
          item.text = '/start';
          saveQueue();
          add('note', 'Empezamos una conversación nueva.');
          continue;
        }
        if (res && res.status === 400) {
          const msg = res.data && str(res.data.error);
          add('note', msg || 'No entendimos tu respuesta. Intenta de nuevo.');
          return save();
        }
        if (res && res.status && !RETRY.has(res.status)) {
          add('note', 'No pudimos procesar tu mensaje. Intenta de nuevo en un momento.');
          return save();
        }
        setStatus(res && res.status === 429 ? 'Hay mucha actividad. Reintentando en un momento…' : OFFLINE);
        const wait = (res && retryAfter(res.after)) || Math.min(1000 * 2 ** attempt, 15000);
        await sleep(wait);
      }
    } finally {
      clearTimeout(slow);
      setStatus('');
    }
  }

  function handleReplies(data) {
    const replies = data && Array.isArray(data.replies) ? data.replies : [];
    let last = null;
    replies.forEach((r, i) => {
      if (!r || typeof r.text !== 'string') return;
      const choices = i === replies.length - 1 ? cleanChoices(r.choices) : [];
      if (!r.text && !choices.length) return;
      last = add('bot', r.text, choices.length ? { s: str(r.style) || 'single', c: choices } : null);
    });
    if (last) setCurrent(last);
    save();
    showQuestion();
  }

  async function pump() {
    if (busy) return;
    busy = true;
    try {
      while (queue.length) {
        await deliver(queue[0]);
        queue.shift();
        saveQueue();
      }
    } finally {
      busy = false;
    }
    if (!queue.length) renderChips();
  }

  // label === null: send silently (e.g. /start)
  function send(text, label) {
    clearChips();
    if (label !== null) { add('user', label); save(); }
    queue.push({ id: rid(), text });
    saveQueue();
    pump();
  }

  // UI
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const text = input.value.trim().slice(0, 1000);
    if (!text) return;
    input.value = '';
    send(text, text);
    input.focus();
  });

  function startOver() {
    try {
      Object.keys(localStorage).filter((k) => k.startsWith('chatsurvey.')).forEach((k) => localStorage.removeItem(k));
    } catch { /* storage blocked */ }
    leaving = true;
    location.reload();
  }

  // Starting over wipes the conversation from this phone: never on one tap, always after a question.
  const restart = $('#restart');
  const confirmBox = $('#confirm-restart');
  if (restart) restart.addEventListener('click', () => {
    if (confirmBox && typeof confirmBox.showModal === 'function') {
      confirmBox.returnValue = '';
      confirmBox.showModal();
    } else if (window.confirm('¿Empezar de nuevo? Se borrará esta conversación de este teléfono.')) {
      startOver();
    }
  });
  if (confirmBox) confirmBox.addEventListener('close', () => { if (confirmBox.returnValue === 'yes') startOver(); });

  // Keep the question in view when the on-screen keyboard resizes the page.
  window.addEventListener('resize', showQuestion);

  // start
  if (!conv || !TOKEN.test(conv)) {
    conv = null; // opened by the first message
    entries = [];
    queue = [];
    save();
    const ref = new URLSearchParams(location.search).get('ref');
    send(ref && /^[A-Za-z0-9_-]{1,64}$/.test(ref) ? '/start ' + ref : '/start', null);
  } else {
    entries.forEach(draw);
    for (let i = entries.length - 1; i >= 0; i--) {
      if (entries[i].w === 'bot') {
        if (Array.isArray(entries[i].c)) {
          entries[i].c = cleanChoices(entries[i].c);
          setCurrent(entries[i]);
        }
        break;
      }
    }
    if (queue.length) pump(); else renderChips();
    showQuestion();
  }
})();
