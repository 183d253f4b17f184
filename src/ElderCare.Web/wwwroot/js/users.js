// The user forms: show only the scope field that the chosen role uses (the street or town of a town officer, the
// facilities of an operator). Without JavaScript every field shows and its hint names the role it belongs to.
for (const form of document.querySelectorAll('[data-role-form]')) {
  const role = form.querySelector('[data-role-select]');
  const fields = form.querySelectorAll('[data-for-role]');
  if (!role) continue;
  const update = () => {
    for (const field of fields) {
      const used = field.dataset.forRole === role.value;
      field.hidden = !used;
      // A hidden field is not sent, so a choice left over from another role cannot confuse anyone.
      for (const input of field.querySelectorAll('select, input')) input.disabled = !used;
    }
  };
  role.addEventListener('change', update);
  update();
}
