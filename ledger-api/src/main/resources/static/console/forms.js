// A form that posts to the API: labelled fields, the API's field problems shown next to their fields, and an
// Idempotency-Key that is reused only when the same body is sent again after getting no answer.

import { h, replace } from './dom.js';
import { t, code, codes } from './i18n.js';
import { postJson, newIdempotencyKey, ApiError } from './api.js';
import { field, notice, problemMessage, showFieldErrors } from './ui.js';

/**
 * A field spec for the API's field `name`: type 'text' | 'date' | 'number' | 'textarea' | 'list' | 'json' |
 * 'select' (with `codes`: a kind of code list, or `options`) | 'checks' (with `values`).
 */
export function spec(name, type = 'text', extra = {}) {
  return { name, type, ...extra };
}

function checks(s) {
  const boxes = s.values.map((value) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: s.name, value: String(value) }), ` ${value}`));
  const error = h('p', { class: 'field-error', 'aria-live': 'polite' });
  const legend = h('legend', {}, s.label || code('field', s.name), h('span', { class: 'opt' }, t('common.optional')));
  const element = h('fieldset', { class: 'field field-wide checks', dataset: { field: s.name } }, legend,
    h('div', { class: 'check-row' }, boxes), s.hint ? h('p', { class: 'hint' }, s.hint) : null, error);
  return {
    element,
    name: s.name,
    input: boxes[0].querySelector('input'),
    value: () => boxes.map((box) => box.querySelector('input')).filter((box) => box.checked).map((box) => Number(box.value)),
    setError(message) {
      error.textContent = message || '';
      element.classList.toggle('has-error', Boolean(message));
    },
  };
}

/** Builds the field of a spec; the result has value() giving what goes in the body (undefined: leave out). */
export function build(s) {
  if (s.type === 'checks') {
    const f = checks(s);
    const read = f.value;
    f.value = () => {
      const chosen = read();
      return chosen.length ? chosen : undefined;
    };
    return f;
  }
  const options = s.codes ? codes(s.codes).map((value) => [value, `${code(s.codes, value)} (${value})`]) : s.options;
  const f = field({
    name: s.name, label: s.label || code('field', s.name), type: s.type, required: s.required, hint: s.hint
      || (s.type === 'list' ? t('record.listHint') : null), options, value: s.value,
    placeholder: s.type === 'select' ? '—' : s.placeholder, wide: ['textarea', 'list', 'json'].includes(s.type),
    inputmode: s.inputmode,
  });
  f.value = () => {
    const raw = f.input.value;
    if (s.type === 'list') {
      const items = raw.split('\n').map((item) => item.trim()).filter(Boolean);
      return items.length ? items : undefined;
    }
    const text = raw.trim();
    if (text === '') {
      return undefined;
    }
    if (s.type === 'number') {
      return /^-?\d+$/.test(text) ? Number(text) : text; // the API says what is wrong with anything else
    }
    if (s.type === 'json') {
      let parsed;
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        parsed = null;
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new FieldInputError(f, t('record.jsonBad'));
      }
      return parsed;
    }
    return text;
  };
  return f;
}

/** A value the page cannot even send (e.g. a JSON field that does not parse). */
export class FieldInputError extends Error {
  constructor(f, message) {
    super(message);
    this.field = f;
  }
}

/**
 * A form posting JSON. options: {label, fields: [built fields], extra: nodes before the fields, path: () => path,
 * body: (values) => body, success: (answer, body) => node, onError: (error, status) => bool (true: handled)}.
 */
export function apiForm(options) {
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, options.submitLabel || t('common.submit'));
  const fieldsBox = h('div', { class: 'fields' });
  let last = null; // {text, key}: the last body that got no answer, and its key
  let fields = options.fields;

  async function onSubmit(event) {
    event.preventDefault();
    fields.forEach((f) => f.setError(''));
    status.replaceChildren();
    const values = {};
    try {
      for (const f of fields) {
        const value = f.value();
        if (value !== undefined) {
          values[f.name] = value;
        }
      }
    } catch (e) {
      if (e instanceof FieldInputError) {
        e.field.setError(e.message);
        e.field.input.focus();
        return;
      }
      throw e;
    }
    const body = options.body ? options.body(values) : values;
    const text = JSON.stringify(body);
    const path = options.path();
    const key = last && last.text === `${path} ${text}` ? last.key : newIdempotencyKey();
    if (last && last.key === key) {
      status.append(notice('info', t('record.retry')));
    }
    submit.disabled = true;
    try {
      const answer = await postJson(path, body, { idempotencyKey: key });
      last = null;
      replace(status, options.success(answer, body));
      if (options.afterSuccess) {
        options.afterSuccess(answer);
      }
    } catch (e) {
      last = e instanceof ApiError && e.status === 0 ? { text: `${path} ${text}`, key } : null;
      const handled = options.onError ? options.onError(e) : false;
      const unplaced = showFieldErrors(fields, e);
      replace(status, problemMessage(e),
        unplaced.length ? h('ul', { class: 'unplaced' }, unplaced.map((p) => h('li', {}, `${p.field}: ${p.message}`))) : null);
      if (!handled && !(e instanceof ApiError && e.fieldErrors.length)) {
        status.focus();
      }
    } finally {
      submit.disabled = false;
    }
  }

  const form = h('form', { class: 'form', novalidate: true, 'aria-label': options.label, on: { submit: onSubmit } },
    options.extra || null, fieldsBox, status, h('div', { class: 'actions' }, submit));
  status.setAttribute('tabindex', '-1');
  replace(fieldsBox, fields.map((f) => f.element));
  return {
    form,
    /** Replaces the fields (a new entry type chosen). */
    setFields(next) {
      fields = next;
      last = null;
      replace(fieldsBox, fields.map((f) => f.element));
      status.replaceChildren();
    },
    clearStatus() {
      status.replaceChildren();
    },
  };
}

export { notice };
