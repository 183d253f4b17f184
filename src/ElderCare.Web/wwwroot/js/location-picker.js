// Adds a map to a pair of latitude/longitude inputs: <div data-location-map data-lat-input="id" data-lng-input="id"
// data-tile-url="…">. Clicking the map (or dragging the marker) fills both inputs (WGS-84, 6 decimals); typing in
// the inputs moves the marker. The inputs stay the source of truth: without JavaScript, Leaflet or tiles they work
// as before. With no tile URL configured the map draws a plain grid and still takes clicks.
const rongchang = { lat: 29.405, lng: 105.594, zoom: 12 };
const pointZoom = 15;

function parse(input, limit) {
  const text = input.value.trim();
  if (text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}

function pointOf(latInput, lngInput) {
  const lat = parse(latInput, 90);
  const lng = parse(lngInput, 180);
  return lat === null || lng === null ? null : [lat, lng];
}

function attach(container, L) {
  const latInput = document.getElementById(container.dataset.latInput);
  const lngInput = document.getElementById(container.dataset.lngInput);
  const canvas = container.querySelector('[data-location-map-canvas]');
  if (!latInput || !lngInput || !canvas) return;

  container.hidden = false;
  const start = pointOf(latInput, lngInput);
  const map = L.map(canvas, { scrollWheelZoom: false })
    .setView(start ?? [rongchang.lat, rongchang.lng], start ? pointZoom : rongchang.zoom);

  const tileUrl = (container.dataset.tileUrl ?? '').trim();
  if (tileUrl) {
    L.tileLayer(tileUrl, { maxZoom: 18 }).addTo(map);
  } else {
    // No base map configured: a plain grid that pans and zooms with the map, and a note saying clicks still work.
    const Grid = L.GridLayer.extend({
      createTile() {
        const tile = document.createElement('div');
        tile.className = 'location-map__tile';
        return tile;
      },
    });
    new Grid({ maxZoom: 18 }).addTo(map);
    container.querySelector('[data-location-map-note]')?.removeAttribute('hidden');
  }

  let marker = null;
  function place(latlng) {
    if (marker) {
      marker.setLatLng(latlng);
      return;
    }
    marker = L.marker(latlng, { draggable: true, keyboard: false, title: '所选位置' }).addTo(map);
    marker.on('dragend', () => fill(marker.getLatLng()));
  }

  function fill(latlng) {
    const p = latlng.wrap();
    latInput.value = p.lat.toFixed(6);
    lngInput.value = p.lng.toFixed(6);
    for (const input of [latInput, lngInput]) input.dispatchEvent(new Event('change', { bubbles: true }));
    place(p);
  }

  if (start) place(start);
  map.on('click', e => fill(e.latlng));

  function typed() {
    const p = pointOf(latInput, lngInput);
    if (!p) return;
    place(p);
    if (!map.getBounds().contains(p)) map.panTo(p);
  }
  latInput.addEventListener('input', typed);
  lngInput.addEventListener('input', typed);

  // The form grid may change width (phone rotation, window resize): keep Leaflet's idea of the size right.
  new ResizeObserver(() => map.invalidateSize()).observe(canvas);
  container.dataset.locationMapReady = 'true';
}

const L = window.L;
if (L) {
  L.Icon.Default.imagePath = '/lib/leaflet/images/';
  for (const container of document.querySelectorAll('[data-location-map]')) attach(container, L);
}
