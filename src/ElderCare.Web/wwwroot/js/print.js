// Print buttons (the report): shown only when JavaScript can open the print dialog; browsers' own print works anyway.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
