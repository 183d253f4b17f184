// Copy and download buttons for text shown once (recovery codes): [data-copy=ID] copies the element's lines to the
// clipboard, [data-download=ID] saves them as a .txt file named by data-filename. Shown only when JavaScript runs.
const linesOf = (id) => [...document.getElementById(id).querySelectorAll('li')].map((li) => li.textContent.trim()).join('\r\n') + '\r\n';

for (const button of document.querySelectorAll('[data-copy]')) {
  if (!navigator.clipboard) continue;
  button.hidden = false;
  const label = button.textContent;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(linesOf(button.dataset.copy));
      button.textContent = '已复制';
    } catch {
      button.textContent = '复制失败，请手动选择文字复制';
    }
    setTimeout(() => { button.textContent = label; }, 3000);
  });
}

for (const button of document.querySelectorAll('[data-download]')) {
  button.hidden = false;
  button.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([linesOf(button.dataset.download)], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = button.dataset.filename || 'codes.txt';
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  });
}
