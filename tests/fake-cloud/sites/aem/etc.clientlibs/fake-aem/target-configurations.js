// Adobe Target configurations console (AEMaaCS): containers are plain links; in a container,
// selecting one configuration shows the selection bar, whose Properties opens it.
import { coralReady } from './foundation-form.js';

await coralReady();
const bar = /** @type {HTMLElement | null} */ (document.querySelector('.granite-collection-selectionbar'));
const boxes = [...document.querySelectorAll('.tt-select')];
const selected = () => boxes.filter((box) => box.checked).map((box) => box.closest('tr')?.dataset.path);
for (const box of boxes) {
  box.addEventListener('change', () => {
    bar.hidden = selected().length !== 1;
  });
}
document.getElementById('tt-selection-properties')?.addEventListener('click', (e) => {
  location.href = `${e.currentTarget.dataset.href}${selected()[0]}`;
});
document.documentElement.dataset.ready = 'true';
