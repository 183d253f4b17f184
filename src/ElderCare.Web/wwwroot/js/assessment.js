// The ability form: as radios are chosen, show each domain's sum, the total and the level the total gives
// (GB/T 42195-2022 C.3). The server scores the form again on submit; without JavaScript the form works the same.
const form = document.querySelector('[data-assessment-form]');
const bar = form?.querySelector('[data-score-bar]');
if (form && bar) {
  const thresholds = bar.dataset.thresholds.split(',').map(Number); // lower bounds of levels 0–3
  const names = form.querySelector('[data-level-names]').content.textContent.split('|');
  const items = [...form.querySelectorAll('fieldset.item')];
  const levelOf = (total) => {
    const i = thresholds.findIndex((min) => total >= min);
    return i === -1 ? thresholds.length : i;
  };
  const update = () => {
    let answered = 0;
    let total = 0;
    for (const domain of form.querySelectorAll('[data-domain]')) {
      let sum = 0;
      let done = 0;
      const fieldsets = domain.querySelectorAll('fieldset.item');
      for (const item of fieldsets) {
        const chosen = item.querySelector('input[type=radio]:checked');
        if (chosen) {
          sum += Number(chosen.dataset.score);
          done += 1;
        }
      }
      const live = domain.querySelector('[data-domain-score]');
      live.textContent = `，已得 ${sum} 分（${done}/${fieldsets.length} 项）`;
      live.hidden = false;
      answered += done;
      total += sum;
    }
    bar.querySelector('[data-answered]').textContent = answered;
    const complete = answered === items.length;
    bar.querySelector('[data-total]').textContent = answered === 0 ? '—' : total;
    const level = levelOf(total);
    bar.querySelector('[data-level]').textContent = complete ? `${level}级 ${names[level]}` : '填完全部项目后显示';
    bar.classList.toggle('score-bar--complete', complete);
  };
  form.addEventListener('change', (event) => {
    // An item answered after a refused submission: its "请选择…" message no longer applies.
    const item = event.target.closest('fieldset.item');
    if (item && event.target.matches('input[type=radio]')) {
      for (const error of item.querySelectorAll('.field-error')) error.hidden = true;
    }
    update();
  });
  bar.hidden = false;
  update();
}
