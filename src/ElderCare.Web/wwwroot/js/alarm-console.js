// The live alarm console: a SignalR signal ("alarmChanged") or a reconnect re-reads the open alarms from the server
// (GET /alarms?handler=Cards renders the same cards as the page), so an alarm raised while disconnected still shows.
// Without JavaScript the page is the same list with a refresh link. A map shows the homes of the open alarms.
const cards = document.querySelector('[data-alarm-cards]');
const status = document.querySelector('[data-console-status]');
const mapBox = document.querySelector('[data-alarm-map]');
let map = null;
let layer = null;

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
  return { values, focused };
}

function restore({ values, focused }) {
  for (const el of fields()) {
    const key = fieldKey(el);
    if (key && values.has(key)) el.value = values.get(key);
    if (key && key === focused) el.focus();
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

// A safety net: re-read every 30 s even when no signal arrives.
setInterval(reload, 30000);
start();
