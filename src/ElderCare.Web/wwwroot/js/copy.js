// Text shown once (an API secret, recovery codes): [data-copy=ID] copies the element's text — a list line by line — to
// the clipboard, or selects it where the clipboard is refused; [data-download=ID] saves it as a .txt file named by
// data-filename. The buttons are hidden until this runs; the text stays selectable without JavaScript.
const textOf = (id) => {
  const source = document.getElementById(id);
  const items = [...source.querySelectorAll('li')];
  return items.length ? items.map((li) => li.textContent.trim()).join('\r\n') + '\r\n' : source.textContent.trim();
};

for (const button of document.querySelectorAll('[data-copy]')) {
  button.hidden = false;
  const label = button.textContent;
  const done = button.parentElement.querySelector('[data-copied]');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(textOf(button.dataset.copy));
      if (done) done.hidden = false;
      else button.textContent = '已复制';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(button.dataset.copy));
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      button.textContent = '已选中，请按 Ctrl+C 复制';
    }
    setTimeout(() => { button.textContent = label; }, 3000);
  });
}

for (const button of document.querySelectorAll('[data-download]')) {
  button.hidden = false;
  button.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([textOf(button.dataset.download)], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = button.dataset.filename || 'codes.txt';
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  });
}
