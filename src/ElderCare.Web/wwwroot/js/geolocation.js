// Caregiver visit page: the check-in and check-out positions come from the phone (navigator.geolocation) into read-only
// latitude/longitude fields, with the accuracy in metres shown and posted. Typing a position is possible only after
// ticking "手动填写位置", which makes the fields editable and asks for the reason (the server requires it and flags
// the visit). A position is watched, so the fields follow the phone until the form is sent.
const blocks = [...document.querySelectorAll('[data-geo-block]')];

function say(text) {
  for (const block of blocks) {
    const status = block.querySelector('[data-geo-status]');
    if (status) status.textContent = text;
  }
}

function typed(block) {
  return block.querySelector('[data-geo-typed]')?.checked === true;
}

function setTyped(block, on) {
  for (const input of block.querySelectorAll('[data-geo-lat], [data-geo-lng]')) input.readOnly = !on;
  const reason = block.querySelector('[data-geo-reason]');
  if (reason) {
    reason.hidden = !on;
    const field = reason.querySelector('input');
    if (field) field.required = on;
  }
  if (on) {
    block.querySelector('[data-geo-accuracy]').value = '';
    block.querySelector('[data-geo-accuracy-text]').textContent = '手工填写';
    block.querySelector('[data-geo-lat]')?.focus();
  }
}

for (const block of blocks) {
  const box = block.querySelector('[data-geo-typed]');
  box?.addEventListener('change', () => setTyped(block, box.checked));
}

function show(position) {
  const { latitude, longitude, accuracy } = position.coords;
  for (const block of blocks) {
    if (typed(block)) continue;
    block.querySelector('[data-geo-lat]').value = latitude.toFixed(6);
    block.querySelector('[data-geo-lng]').value = longitude.toFixed(6);
    block.querySelector('[data-geo-accuracy]').value = String(Math.round(accuracy));
    block.querySelector('[data-geo-accuracy-text]').textContent = `约 ${Math.round(accuracy)} 米`;
  }
  say(`已获取手机定位（精度约 ${Math.round(accuracy)} 米）`);
}

if (blocks.length > 0) {
  if ('geolocation' in navigator) {
    say('正在获取手机定位…');
    navigator.geolocation.watchPosition(show, error => {
      say(`无法获取定位（${error.message}）。可勾选“手动填写位置”并说明原因。`);
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  } else {
    say('此浏览器不能定位。请勾选“手动填写位置”并说明原因。');
  }
}
