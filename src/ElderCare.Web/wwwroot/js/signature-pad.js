// The elder's signature on the caregiver's phone: drawn with a finger (pointer events) on a canvas, sent with the
// check-out form as a PNG data URL in the hidden "signature" field (stored as evidence of the visit). "清除重签" clears it.
for (const box of document.querySelectorAll('[data-signature]')) {
  const canvas = box.querySelector('[data-signature-pad]');
  const value = box.querySelector('[data-signature-value]');
  const clear = box.querySelector('[data-signature-clear]');
  const ctx = canvas.getContext('2d');
  let drawing = false;
  let drawn = false;

  const reset = () => {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
    drawn = false;
    value.value = '';
  };

  // The canvas is drawn at its own resolution whatever size CSS gives it on screen.
  const at = event => {
    const r = canvas.getBoundingClientRect();
    return [(event.clientX - r.left) * canvas.width / r.width, (event.clientY - r.top) * canvas.height / r.height];
  };

  canvas.addEventListener('pointerdown', event => {
    drawing = true;
    canvas.setPointerCapture(event.pointerId);
    const [x, y] = at(event);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 0.1, y + 0.1);
    ctx.stroke();
    event.preventDefault();
  });
  canvas.addEventListener('pointermove', event => {
    if (!drawing) return;
    const [x, y] = at(event);
    ctx.lineTo(x, y);
    ctx.stroke();
    drawn = true;
    event.preventDefault();
  });
  const end = () => {
    if (!drawing) return;
    drawing = false;
    if (drawn) value.value = canvas.toDataURL('image/png');
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  clear?.addEventListener('click', reset);
  reset();
}
