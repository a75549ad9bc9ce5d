// The captcha hand-off: courts that stopped at a captcha show its image; a person with an API key types
// the five digits, and the crawl of that court (and of its region, which the code also unlocks) resumes.

import { apiKey, getJson, isAbort, latest, postJson } from './api.js';
import { $, announce, h, replace } from './dom.js';
import { fmt, t } from './i18n.js';

const one = latest();
/** Court → what happened to the last answer typed for it (kept across refreshes of the list). */
const outcomes = new Map();

function showKey() {
  const key = apiKey.get();
  $('#key-form').hidden = !!key;
  $('#key-saved').hidden = !key;
}

export function bindCaptcha(refresh) {
  $('#key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const key = $('#api-key').value.trim();
    if (!key) return $('#api-key').focus();
    apiKey.set(key);
    $('#api-key').value = '';
    showKey();
    announce(t('key.savedSay'));
    $('#key-forget').focus();
  });
  $('#key-forget').addEventListener('click', () => {
    apiKey.forget();
    showKey();
    announce(t('key.forgotten'));
    $('#api-key').focus();
  });
  $('#captcha-refresh').addEventListener('click', () => refresh());
}

export async function renderCaptcha() {
  showKey();
  const list = $('#captcha-list');
  list.setAttribute('aria-busy', 'true');
  let waiting;
  try {
    const body = await one((signal) => getJson('/api/captcha', { signal }));
    waiting = Array.isArray(body) ? body : (body?.items ?? body?.waiting ?? []);
  } catch (err) {
    if (isAbort(err)) return;
    list.removeAttribute('aria-busy');
    replace(list, h('p', { class: 'error-text', role: 'alert' }, err.status === 404 ? t('captcha.unavailable') : t('error.load', { msg: err.message })));
    return;
  }
  list.removeAttribute('aria-busy');
  const done = [...outcomes.entries()].filter(([court, o]) => o.ok && !waiting.some((w) => w.court === court));
  replace(list,
    waiting.length ? null : h('p', { class: 'empty' }, t('captcha.none')),
    done.length ? h('ul', { class: 'done' }, done.map(([court, o]) => h('li', null, o.message))) : null,
    waiting.map((w) => card(w)),
  );
}

function card(w) {
  const id = `code-${w.court}`;
  const status = h('p', { class: 'status', role: 'status', id: `status-${w.court}` }, outcomes.get(w.court)?.message ?? '');
  const input = h('input', {
    id, name: 'code', inputmode: 'numeric', autocomplete: 'off', pattern: '[0-9]{5}', maxlength: '5', required: true,
    spellcheck: 'false', 'aria-describedby': `hint-${w.court} status-${w.court}`,
  });
  const form = h('form', { class: 'captcha-form', 'data-court': w.court, 'data-captcha-id': w.captchaId ?? '', novalidate: true },
    h('label', { for: id }, t('captcha.code')),
    h('div', { class: 'row' }, input, h('button', { type: 'submit', class: 'button' }, t('captcha.send'))),
    h('p', { class: 'hint', id: `hint-${w.court}` }, t('captcha.hint', { r: w.region })),
    status,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const code = input.value.replace(/\s/g, '');
    if (!/^\d{5}$/.test(code)) {
      status.className = 'status error-text';
      status.textContent = t('captcha.fiveDigits');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    const key = apiKey.get();
    if (!key) {
      status.className = 'status error-text';
      status.textContent = t('captcha.needKey');
      $('#api-key').focus();
      return;
    }
    form.querySelector('button').disabled = true;
    status.className = 'status';
    status.textContent = t('captcha.sending');
    try {
      const res = await postJson(`/api/captcha/${encodeURIComponent(w.court)}`, { code }, { key });
      const n = res?.resumed?.length ?? 0;
      const message = t('captcha.accepted', { court: w.name, n, r: res?.region ?? w.region });
      outcomes.set(w.court, { ok: true, message });
      status.className = 'status ok-text';
      status.textContent = message;
      input.value = '';
      setTimeout(() => { if (!$('#view-captcha').hidden) renderCaptcha(); }, 5000);
    } catch (err) {
      const message = err.status === 401 ? t('captcha.badKey') : err.status === 403 ? t('captcha.forbidden')
        : err.status === 404 ? t('captcha.gone') : t('captcha.failed', { msg: err.message });
      if (err.status === 401) apiKey.forget();
      outcomes.set(w.court, { ok: false, message });
      status.className = 'status error-text';
      status.textContent = message;
      showKey();
    } finally {
      form.querySelector('button').disabled = false;
    }
  });
  return h('article', { class: 'card captcha-card', 'aria-labelledby': `title-${w.court}` },
    h('h2', { id: `title-${w.court}`, lang: 'ru' }, w.name),
    h('p', { class: 'meta' }, h('span', { class: 'code' }, w.court), ' · ', t('captcha.region', { r: w.region }), ' · ',
      t('captcha.since', { at: fmt.ago(w.since) })),
    w.imageDataUrl
      ? h('img', { src: w.imageDataUrl, alt: t('captcha.imageAlt', { court: w.name }), class: 'captcha-img' })
      : h('p', { class: 'hint' }, t('captcha.noImage')),
    form,
  );
}
