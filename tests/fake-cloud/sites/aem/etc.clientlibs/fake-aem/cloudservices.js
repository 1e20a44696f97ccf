// Legacy Cloud Services overview: "Configure now" opens the Create Configuration dialog for
// its service; Create checks the Title (ExtJS allowBlank: false), posts WCMCommand's
// createPage and opens the new configuration's page, a real page load as in AEM.

const dialog = document.getElementById('cs-create-dialog');
if (dialog) {
  const mask = document.getElementById('cs-create-mask');
  const form = document.getElementById('cs-create-form');
  const title = form.elements.title;
  const name = form.elements.label;
  const error = document.getElementById('cs-create-error');
  const create = document.querySelector('#cs-create-ok button');
  let opener = null;

  const showError = (text, field) => {
    error.hidden = false;
    error.textContent = text;
    for (const f of [title, name]) {
      f.classList.toggle('x-form-invalid', f === field);
      if (f === field) f.setAttribute('aria-invalid', 'true');
      else f.removeAttribute('aria-invalid');
    }
    field?.focus();
  };
  const clearError = () => {
    error.hidden = true;
    error.textContent = '';
    for (const f of [title, name]) {
      f.classList.remove('x-form-invalid');
      f.removeAttribute('aria-invalid');
    }
  };
  const show = (open) => {
    dialog.hidden = !open;
    mask.hidden = !open;
  };
  const close = () => {
    show(false);
    opener?.focus();
  };

  for (const link of document.querySelectorAll('.cq-cloudservice-configure')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      opener = link;
      form.elements.parentPath.value = link.dataset.parent;
      form.elements.template.value = link.dataset.template;
      dialog.querySelector('.cq-template-title').textContent = link.dataset.templateTitle;
      title.value = '';
      name.value = '';
      clearError();
      create.disabled = false;
      show(true);
      title.focus();
    });
  }

  async function submit() {
    if (create.disabled) return;
    if (title.value.trim() === '') {
      showError('Title: This field is required.', title);
      return;
    }
    clearError();
    create.disabled = true;
    try {
      const res = await fetch(form.getAttribute('action'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
        body: new URLSearchParams(new FormData(form)).toString(),
      });
      const answer = new DOMParser().parseFromString(await res.text(), 'text/html');
      const message = answer.getElementById('Message')?.textContent ?? `HTTP ${res.status}`;
      const path = answer.getElementById('Path')?.textContent;
      if (!res.ok || !path) throw new Error(message);
      location.assign(`${path}.html`);
    } catch (err) {
      create.disabled = false;
      showError(`Could not create the configuration: ${err.message}`, name.value.trim() ? name : title);
    }
  }

  create.addEventListener('click', submit);
  document.querySelector('#cs-create-cancel button').addEventListener('click', close);
  const closeTool = document.getElementById('cs-create-close');
  closeTool.addEventListener('click', close);
  closeTool.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); close(); } });
  form.addEventListener('submit', (e) => { e.preventDefault(); submit(); });
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
    else if (e.key === 'Enter' && e.target.matches('input[type="text"]')) { e.preventDefault(); submit(); }
  });
}
document.documentElement.dataset.ready = 'true';
