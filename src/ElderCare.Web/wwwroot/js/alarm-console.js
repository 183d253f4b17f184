// The live alarm console: a SignalR signal ("alarmChanged") or a reconnect re-reads the open alarms from the server
// (GET /alarms?handler=Cards renders the same cards as the page), so an alarm raised while disconnected still shows.
// Without JavaScript the page is the same list with a refresh link. A map shows the homes of the open alarms.
// Each card counts its waiting time up from the server's clock (data-server-now, re-read with every render), turning
// amber at the warning mark and red past the answer limit (both from AlarmOptions); a new alarm rings (Web Audio, with
// a mute switch remembered in this browser) and flashes; an emergency contact's full number is one click (the API
// records it in the audit trail with the alarm as the reason).
const cards = document.querySelector('[data-alarm-cards]');
const status = document.querySelector('[data-console-status]');
const mapBox = document.querySelector('[data-alarm-map]');
const muteField = document.querySelector('[data-console-mute-field]');
const mute = document.querySelector('[data-console-mute]');
const muteKey = 'eldercare.console.muted';
let map = null;
let layer = null;
let offset = 0; // server clock minus browser clock, in ms
let known = new Set(ids());
const revealed = new Map(); // `${alarmId}|${contact}` → full number, kept across re-reads

function ids() {
  return cards ? [...cards.querySelectorAll('[data-alarm-id]')].map(c => c.dataset.alarmId) : [];
}

function syncClock() {
  const view = cards?.querySelector('[data-console-view]');
  const serverNow = Date.parse(view?.dataset.serverNow ?? '');
  if (!Number.isNaN(serverNow)) offset = serverNow - Date.now();
}

function mmss(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function tick() {
  const view = cards?.querySelector('[data-console-view]');
  if (!view) return;
  const limit = Number(view.dataset.answerSeconds);
  const warn = Number(view.dataset.warnSeconds);
  const now = Date.now() + offset;
  for (const card of cards.querySelectorAll('[data-alarm-id][data-raised-at]')) {
    const waited = (now - Date.parse(card.dataset.raisedAt)) / 1000;
    const clock = card.querySelector('[data-wait-clock]');
    if (clock) clock.textContent = mmss(waited);
    if (card.dataset.waiting !== 'true') continue;
    const tone = waited > limit ? 'over' : waited >= warn ? 'warn' : 'ok';
    for (const t of ['ok', 'warn', 'over']) card.classList.toggle(`alarm-card--wait-${t}`, t === tone);
  }
}

// Web Audio: three short beeps, generated here (no sound file). Browsers start audio only after a user gesture on the
// page, so the context is created (or resumed) on the first click or key press.
let audio = null;
function unlockAudio() {
  const Context = window.AudioContext ?? window.webkitAudioContext;
  if (!Context) return;
  audio ??= new Context();
  if (audio.state === 'suspended') audio.resume();
}
document.addEventListener('pointerdown', unlockAudio, { once: true });
document.addEventListener('keydown', unlockAudio, { once: true });

function beep() {
  if (mute?.checked || !audio || audio.state !== 'running') return;
  const start = audio.currentTime;
  for (let i = 0; i < 3; i++) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'square';
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, start + i * 0.3);
    gain.gain.setValueAtTime(0, start + i * 0.3 + 0.18);
    osc.connect(gain).connect(audio.destination);
    osc.start(start + i * 0.3);
    osc.stop(start + i * 0.3 + 0.2);
  }
}

function announceNew() {
  const now = ids();
  const fresh = now.filter(id => !known.has(id));
  known = new Set(now);
  if (fresh.length === 0) return;
  for (const id of fresh) {
    const card = cards.querySelector(`[data-alarm-id="${id}"]`);
    card?.classList.add('alarm-card--new');
    setTimeout(() => card?.classList.remove('alarm-card--new'), 6000);
  }
  cards.dataset.lastNew = fresh.join(' ');
  beep();
}

if (mute && muteField) {
  muteField.hidden = false;
  mute.checked = localStorage.getItem(muteKey) === '1';
  mute.addEventListener('change', () => localStorage.setItem(muteKey, mute.checked ? '1' : '0'));
}

// One click calls the number up: POST /api/alarms/{id}/contact-phone (antiforgery token from the card's form), then a
// tel: link in place of the masked number. Without JavaScript the form posts to the page, which shows the same link.
function showNumber(item, phone) {
  const link = document.createElement('a');
  link.className = 'alarm-contact__phone';
  link.href = `tel:${phone}`;
  link.textContent = phone;
  link.dataset.contactFull = '';
  item.querySelector('[data-contact-masked]')?.remove();
  item.querySelector('[data-unmask-contact]')?.replaceWith(link);
}

function reapplyNumbers() {
  for (const [key, phone] of revealed) {
    const [alarm, contact] = key.split('|');
    const item = cards.querySelector(`[data-alarm-id="${alarm}"] [data-contact="${contact}"]`);
    if (item && !item.querySelector('[data-contact-full]')) showNumber(item, phone);
  }
}

cards?.addEventListener('submit', async event => {
  const form = event.target.closest('[data-unmask-contact]');
  if (!form) return;
  event.preventDefault();
  const card = form.closest('[data-alarm-id]');
  const item = form.closest('[data-contact]');
  const contact = Number(item.dataset.contact);
  form.querySelector('button').disabled = true;
  try {
    const response = await fetch(`/api/alarms/${card.dataset.alarmId}/contact-phone`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        RequestVerificationToken: form.querySelector('input[name=__RequestVerificationToken]')?.value ?? '',
      },
      body: JSON.stringify({ contact }),
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok && body.phone) {
      revealed.set(`${card.dataset.alarmId}|${contact}`, body.phone);
      showNumber(item, body.phone);
      return;
    }
    const errors = body.errors ? Object.values(body.errors).flat() : [];
    say(errors.join(' ') || body.detail || '未能查看完整号码，请刷新后重试。', 'red');
  } catch {
    say('未能查看完整号码（网络中断），请稍后重试。', 'red');
  } finally {
    const button = form.querySelector('button');
    if (button) button.disabled = false;
  }
});

function say(text, tone) {
  if (!status) return;
  status.textContent = text;
  status.className = `badge badge--${tone}`;
}

function drawMap() {
  const L = window.L;
  if (!L || !mapBox) return;
  const points = [...cards.querySelectorAll('[data-alarm-id]')]
    .filter(c => c.dataset.lat && c.dataset.lng)
    .map(c => ({ lat: Number(c.dataset.lat), lng: Number(c.dataset.lng), title: c.dataset.title }));
  if (!map) {
    mapBox.hidden = false;
    map = L.map(mapBox.querySelector('[data-alarm-map-canvas]'), { scrollWheelZoom: false }).setView([29.405, 105.594], 11);
    const tileUrl = (mapBox.dataset.tileUrl ?? '').trim();
    if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 18 }).addTo(map);
    else {
      const Grid = L.GridLayer.extend({ createTile() { const t = document.createElement('div'); t.className = 'location-map__tile'; return t; } });
      new Grid({ maxZoom: 18 }).addTo(map);
    }
    layer = L.layerGroup().addTo(map);
  }
  layer.clearLayers();
  // Leaflet takes a string tooltip as HTML: hand it an element whose text is the title (an elder's name is data, ADR 0019).
  for (const p of points) L.circleMarker([p.lat, p.lng], { radius: 9, color: '#b71c1c', weight: 3 }).bindTooltip(asText(p.title)).addTo(layer);
  if (points.length > 0) map.fitBounds(points.map(p => [p.lat, p.lng]), { maxZoom: 15, padding: [30, 30] });
}

function asText(text) {
  const span = document.createElement('span');
  span.textContent = text ?? '';
  return span;
}

// A re-read replaces the cards; what an operator has typed or chosen in a card's forms (and the focus) survives it,
// keyed by alarm, step and field, so a signal about another alarm never wipes a half-filled dispatch or resolve form.
function fieldKey(el) {
  const card = el.closest('[data-alarm-id]');
  const step = el.form?.querySelector('input[name=step]')?.value ?? '';
  return card && el.name ? `${card.dataset.alarmId}|${step}|${el.name}` : null;
}

function fields() {
  return [...cards.querySelectorAll('[data-alarm-id] input:not([type=hidden]), [data-alarm-id] select, [data-alarm-id] textarea')];
}

function snapshot() {
  const values = new Map();
  for (const el of fields()) {
    const key = fieldKey(el);
    const dirty = el.tagName === 'SELECT' ? [...el.options].some(o => o.selected !== o.defaultSelected) : el.value !== el.defaultValue;
    if (key && dirty) values.set(key, el.value);
  }
  const focused = cards.contains(document.activeElement) ? fieldKey(document.activeElement) : null;
  // A refused step's messages beside its fields stay until the operator submits that form again.
  const errors = new Map();
  for (const error of cards.querySelectorAll('[data-field-error]')) {
    const el = error.closest('.field')?.querySelector('input, select, textarea');
    const key = el ? fieldKey(el) : null;
    if (key) errors.set(key, error.textContent);
  }
  return { values, focused, errors };
}

function restore({ values, focused, errors }) {
  for (const el of fields()) {
    const key = fieldKey(el);
    if (key && values.has(key)) el.value = values.get(key);
    if (key && key === focused) el.focus();
    const field = el.closest('.field');
    if (key && errors.has(key) && field && !field.querySelector('[data-field-error]')) {
      const error = document.createElement('span');
      error.className = 'field-error';
      error.dataset.fieldError = '';
      error.textContent = errors.get(key);
      field.append(error);
      el.setAttribute('aria-invalid', 'true');
    }
  }
}

let pending = null;
let again = false;
async function reload() {
  // Coalesce a burst of signals into one read, but never drop one: a signal that arrives while a read is under way
  // (which may have missed the alarm it announces) asks for one more read when that one ends.
  if (pending) { again = true; return pending; }
  pending = (async () => {
    try {
      const response = await fetch('/alarms?handler=Cards', { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
      if (response.ok) {
        // Read the body first: what is typed while it arrives must be in the snapshot, so nothing awaits between the
        // snapshot and the replacement.
        const html = await response.text();
        const typed = snapshot();
        cards.innerHTML = html;
        restore(typed);
        syncClock();
        tick();
        reapplyNumbers();
        announceNew();
        drawMap();
      }
    } finally {
      pending = null;
      if (again) { again = false; reload(); }
    }
  })();
  return pending;
}

async function start() {
  drawMap();
  const signalR = window.signalR;
  if (!signalR || !cards) return;
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/alarms')
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
    .build();
  connection.on('alarmChanged', () => reload());
  connection.onreconnecting(() => say('连接中断，正在重连…', 'amber'));
  connection.onreconnected(async () => { say('实时连接已恢复', 'green'); await reload(); });
  connection.onclose(() => say('实时连接已断开（每 30 秒自动刷新）', 'red'));
  for (;;) {
    try {
      await connection.start();
      await connection.invoke('Ready'); // answered once the hub has joined this console's groups
      say('实时连接正常', 'green');
      await reload(); // anything raised between the page render and the connection
      cards.dataset.live = 'true';
      break;
    } catch {
      say('实时连接失败，5 秒后重试', 'red');
      await new Promise(r => setTimeout(r, 5000));
    }
  }
}

// A submitted step form leaves the page: its remembered errors go with it.
cards?.addEventListener('submit', event => {
  if (event.defaultPrevented) return;
  for (const error of event.target.querySelectorAll('[data-field-error]')) error.remove();
});

// A safety net: re-read every 30 s even when no signal arrives.
setInterval(reload, 30000);
syncClock();
tick();
setInterval(tick, 500);
start();
