// Bulk import of elders: upload progress for large files. The form is sent with XMLHttpRequest, whose upload events
// tell how much has gone; the answer (the same page with the results) then replaces the page's content. Without
// JavaScript, or in a browser without upload events, the form posts as usual and shows the same results.
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

function enhance(root) {
  const form = root.querySelector('[data-import-form]');
  if (!form) return;
  const input = form.querySelector('input[type="file"]');
  const submit = form.querySelector('[data-import-submit]');
  const box = form.querySelector('[data-import-progress]');
  const bar = form.querySelector('[data-import-bar]');
  const status = form.querySelector('[data-import-status]');
  const maxBytes = Number(form.dataset.maxBytes || 0);

  const show = (text, percent) => {
    box.hidden = false;
    status.textContent = text;
    if (percent === null) bar.removeAttribute('value'); // indeterminate while the server checks and writes
    else bar.value = percent;
  };
  const fail = (text) => {
    show(text, 0);
    box.classList.add('import-progress--failed');
    submit.disabled = false;
  };

  form.addEventListener('submit', (event) => {
    const file = input.files && input.files[0];
    if (!file) return; // the server says what is missing
    event.preventDefault();
    box.classList.remove('import-progress--failed');
    if (maxBytes && file.size > maxBytes) {
      fail(`文件 ${mb(file.size)} MB，超过 ${mb(maxBytes)} MB 上限，请分成几个文件导入。`);
      return;
    }
    submit.disabled = true;
    show(`正在上传 0%（共 ${mb(file.size)} MB）`, 0);

    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action || window.location.href);
    xhr.upload.addEventListener('progress', (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.round((e.loaded / e.total) * 100);
      show(`正在上传 ${percent}%（${mb(e.loaded)} / ${mb(e.total)} MB）`, percent);
    });
    xhr.upload.addEventListener('load', () => {
      show('已上传，正在逐行校验并导入。大文件约需 1 分钟，请不要关闭页面……', null);
    });
    xhr.addEventListener('load', () => {
      const target = new URL(form.action || window.location.href, window.location.href);
      if (xhr.responseURL && new URL(xhr.responseURL).pathname !== target.pathname) {
        window.location.assign(xhr.responseURL); // e.g. the session ended and sign-in is asked for
        return;
      }
      if (xhr.status === 413) {
        fail(`文件超过 ${mb(maxBytes)} MB 上限，请分成几个文件导入。`);
        return;
      }
      const page = new DOMParser().parseFromString(xhr.responseText, 'text/html').querySelector('[data-import-page]');
      if (xhr.status !== 200 || !page) {
        fail(`导入未完成（HTTP ${xhr.status}），请稍后重试。`);
        return;
      }
      const current = document.querySelector('[data-import-page]');
      current.replaceWith(page);
      enhance(page);
      const focus = page.querySelector('[data-import-result]') || page.querySelector('[aria-invalid="true"]');
      if (focus) focus.focus();
    });
    xhr.addEventListener('error', () => fail('网络中断，上传未完成，请重试。'));
    xhr.addEventListener('abort', () => fail('上传已取消。'));
    xhr.send(new FormData(form));
  });
}

if (window.FormData && window.DOMParser && 'upload' in new XMLHttpRequest()) {
  const root = document.querySelector('[data-import-page]');
  if (root) enhance(root);
}
