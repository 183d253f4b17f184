// 养老服务地图: draws facilities, the squares where elders outside every 15-minute circle live, and suggested sites
// with their circles, from the page's JSON. Names are set as text, never HTML (ADR 19). Base map: the app's own tiles
// (Map:TilesFile), a configured tile URL, else a plain grid.
const container = document.querySelector('[data-service-map]');
const L = window.L;
if (container && L) {
  const data = JSON.parse(document.getElementById(container.dataset.source).textContent);
  container.hidden = false;
  const map = L.map(container.querySelector('[data-service-map-canvas]'), { scrollWheelZoom: false }).setView([29.405, 105.594], 12);
  const tileUrl = (container.dataset.tileUrl ?? '').trim();
  if (tileUrl) {
    L.tileLayer(tileUrl, { maxZoom: 18 }).addTo(map);
  } else {
    const Grid = L.GridLayer.extend({ createTile() { const t = document.createElement('div'); t.className = 'location-map__tile'; return t; } });
    new Grid({ maxZoom: 18 }).addTo(map);
  }
  const popup = (...lines) => {
    const box = document.createElement('div');
    for (const line of lines) { const p = document.createElement('p'); p.textContent = line; box.append(p); }
    return box;
  };
  const bounds = [];
  for (const f of data.facilities) {
    L.circleMarker([f.lat, f.lng], { radius: 7, color: f.operating ? '#1f8a4c' : '#888', fillOpacity: 0.8, className: 'service-map__facility' })
      .bindPopup(popup(f.name, `${f.type} · ${f.status}`)).addTo(map);
    bounds.push([f.lat, f.lng]);
  }
  for (const g of data.gaps) {
    L.circleMarker([g.lat, g.lng], { radius: 5 + Math.sqrt(g.elders) * 2, color: '#b71c1c', fillOpacity: 0.3, weight: 1 })
      .bindPopup(popup(`服务圈外老年人 ${g.elders} 人`, `其中重点老年人 ${g.priority} 人`)).addTo(map);
    bounds.push([g.lat, g.lng]);
  }
  data.sites.forEach((s, i) => {
    L.circle([s.lat, s.lng], { radius: data.circleMeters, color: '#0d4a86', fillOpacity: 0.15, weight: 1 }).addTo(map);
    L.marker([s.lat, s.lng], { title: `建议站点 ${i + 1}` })
      .bindPopup(popup(`建议站点 ${i + 1}`, `新纳入老年人 ${s.elders} 人，其中重点 ${s.priority} 人`)).addTo(map);
    bounds.push([s.lat, s.lng]);
  });
  if (bounds.length) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
  container.dataset.mapReady = 'true';
}
