// 养老服务地图: facilities (filtered by type, 附件1 check and operation), the squares where elders outside every 15-minute
// circle live, elders on a grid, priority elders at community level, the day's alarms and visits, suggested sites, and
// a facility's catchment on click (GET /api/map/facilities/{id}/catchment). Every string is set as text, never HTML
// (ADR 19). Filters and layer toggles apply at once and are kept in the URL. Base map: the app's own tiles
// (Map:TilesFile), a configured tile URL, else a plain grid.
const container = document.querySelector('[data-service-map]');
const L = window.L;
if (container && L) {
  const data = JSON.parse(document.getElementById(container.dataset.source).textContent);
  const form = document.querySelector('[data-map-filters]');
  const catchmentLine = container.querySelector('[data-catchment]');
  container.hidden = false;
  const map = L.map(container.querySelector('[data-service-map-canvas]'), { scrollWheelZoom: false }).setView([29.405, 105.594], 12);
  const tileUrl = (container.dataset.tileUrl ?? '').trim();
  if (tileUrl && container.dataset.tileFormat === 'pbf' && L.vectorGrid) {
    // A vector package (MBTiles format pbf): drawn here with Leaflet.VectorGrid, every layer in the default style.
    L.vectorGrid.protobuf(tileUrl, { maxZoom: 18, maxNativeZoom: 14, rendererFactory: L.canvas.tile, vectorTileLayerStyles: {} })
      .addTo(map);
  } else if (tileUrl) {
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
  const label = (text) => {
    const span = document.createElement('span');
    span.textContent = text;
    return L.divIcon({ html: span, className: 'service-map__count', iconSize: [40, 24] });
  };
  const layers = {};
  const group = (name) => (layers[name] = L.layerGroup());
  const bounds = [];

  // Facilities, with the filters of the form.
  const facilities = group('facilities');
  const facilityFilter = () => {
    const value = (name) => form?.elements[name]?.value ?? '';
    const type = value('type'); const compliant = value('compliant'); const operating = value('operating');
    return (f) => (!type || f.typeCode === type) && (!compliant || (compliant === 'yes') === f.compliant)
      && (!operating || (operating === 'yes') === f.operating);
  };
  let catchment = null;
  const showCatchment = async (f) => {
    catchmentLine.textContent = `正在计算“${f.name}”的一刻钟服务圈…`;
    const response = await fetch(`/api/map/facilities/${f.id}/catchment`, { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) { catchmentLine.textContent = body.detail ?? '无法计算该设施的服务圈。'; return; }
    if (catchment) catchment.remove();
    catchment = L.circle([body.lat, body.lng], { radius: body.radiusMeters, color: '#1f8a4c', fillOpacity: 0.12, weight: 2,
      className: 'service-map__catchment-circle' }).addTo(map);
    catchmentLine.textContent = `${body.name}：步行 15 分钟（约 ${Math.round(body.circleMeters)} 米，${body.method}）内有老年人 ${body.elders} 人，`
      + `其中重点老年人 ${body.priority} 人。`;
  };
  const drawFacilities = () => {
    facilities.clearLayers();
    const keep = facilityFilter();
    for (const f of data.facilities.filter(keep)) {
      const marker = L.circleMarker([f.lat, f.lng], { radius: 7, color: f.compliant ? (f.operating ? '#1f8a4c' : '#888') : '#b71c1c',
        fillColor: f.operating ? '#1f8a4c' : '#888', fillOpacity: 0.8, className: 'service-map__facility' })
        .bindPopup(popup(f.name, `${f.type} · ${f.status} · ${f.compliant ? '达标' : '未达标'}`));
      marker.on('click', () => showCatchment(f));
      marker.addTo(facilities);
    }
  };
  drawFacilities();
  for (const f of data.facilities) bounds.push([f.lat, f.lng]);

  for (const g of data.gaps) {
    L.circleMarker([g.lat, g.lng], { radius: 5 + Math.sqrt(g.elders) * 2, color: '#b71c1c', fillOpacity: 0.3, weight: 1 })
      .bindPopup(popup(`服务圈外老年人 ${g.elders} 人`, `其中重点老年人 ${g.priority} 人`)).addTo(group('gaps'));
    bounds.push([g.lat, g.lng]);
  }
  const density = group('density');
  for (const c of data.density) {
    const dLat = c.sideMeters / 111195 / 2;
    const dLng = dLat / Math.cos(c.lat * Math.PI / 180);
    L.rectangle([[c.lat - dLat, c.lng - dLng], [c.lat + dLat, c.lng + dLng]],
      { color: '#e39a0b', weight: 1, fillOpacity: Math.min(0.6, 0.1 + c.elders / 50), className: 'service-map__cell' })
      .bindPopup(popup(`老年人 ${c.elders} 人`, `其中重点老年人 ${c.priority} 人`)).addTo(density);
    L.marker([c.lat, c.lng], { icon: label(String(c.elders)), interactive: false }).addTo(density);
    bounds.push([c.lat, c.lng]);
  }
  for (const p of data.priority) {
    L.circleMarker([p.lat, p.lng], { radius: 5, color: '#6a1b9a', fillOpacity: 0.8, className: 'service-map__priority' })
      .bindPopup(popup(p.maskedName, `${p.age} 岁 · ${p.groups.join('、')}`)).addTo(group('priority'));
  }
  for (const a of data.alarms) {
    L.circleMarker([a.lat, a.lng], { radius: 6, color: '#d32f2f', fillColor: '#ffcdd2', fillOpacity: 0.9, className: 'service-map__alarm' })
      .bindPopup(popup(`${a.time} ${a.kind}`, a.status)).addTo(group('alarms'));
  }
  for (const v of data.visits) {
    L.circleMarker([v.lat, v.lng], { radius: 5, color: '#0d4a86', fillColor: '#bbdefb', fillOpacity: 0.9, className: 'service-map__visit' })
      .bindPopup(popup(`${v.time} ${v.item}`, `${v.status}${v.checkedIn ? ' · 签到位置' : ' · 老人住址'}`)).addTo(group('visits'));
  }
  data.sites.forEach((s, i) => {
    L.circle([s.lat, s.lng], { radius: data.circleMeters, color: '#0d4a86', fillOpacity: 0.15, weight: 1 }).addTo(map);
    L.marker([s.lat, s.lng], { title: `建议站点 ${i + 1}` })
      .bindPopup(popup(`建议站点 ${i + 1}`, `新纳入老年人 ${s.elders} 人，其中重点 ${s.priority} 人`)).addTo(map);
    bounds.push([s.lat, s.lng]);
  });
  // The unit boundaries the district imported (simplified GeoJSON, /map/boundaries): towns at district level, else
  // communities and villages. Each name is a text node in its tooltip, never HTML (ADR 19).
  const boundaries = group('boundaries');
  fetch(`/api/map/boundaries?level=${data.boundaryLevel}`, { headers: { Accept: 'application/geo+json' } })
    .then((r) => (r.ok ? r.json() : { features: [] }))
    .then((shapes) => {
      L.geoJSON(shapes, {
        style: { color: '#3949ab', weight: 2, fill: false, dashArray: '6 4', className: 'service-map__boundary' },
        onEachFeature: (feature, layer) => {
          const name = document.createElement('span');
          name.textContent = feature.properties.name;
          layer.bindTooltip(name, { sticky: true });
        },
      }).addTo(boundaries);
      container.dataset.boundaries = String(shapes.features.length);
    });
  for (const name of data.layers) layers[name]?.addTo(map);
  if (bounds.length) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });

  // The form's state is the URL's: layer toggles and facility filters apply at once, the rest reloads the page.
  const keepInUrl = () => {
    const params = new URLSearchParams(new FormData(form));
    const current = new URLSearchParams(location.search);
    if (current.has('sites')) params.set('sites', current.get('sites'));
    history.replaceState(null, '', `${location.pathname}?${params}`);
  };
  form?.querySelectorAll('[data-layer-toggle]').forEach((box) => box.addEventListener('change', () => {
    const layer = layers[box.value];
    if (box.checked && box.value === 'priority' && !data.layers.includes('priority')) { form.requestSubmit(); return; }
    if (box.checked && ['density', 'alarms', 'visits'].includes(box.value) && !data.layers.includes(box.value)) { form.requestSubmit(); return; }
    if (layer) { if (box.checked) layer.addTo(map); else layer.remove(); }
    keepInUrl();
  }));
  form?.querySelectorAll('[data-facility-filter]').forEach((select) => select.addEventListener('change', () => {
    drawFacilities();
    keepInUrl();
  }));
  form?.querySelectorAll('[data-submit-on-change]').forEach((field) => field.addEventListener('change', () => form.requestSubmit()));
  container.dataset.mapReady = 'true';
}
