// The console's building blocks: fields with their error slots, problem messages, tables, links.

import { h, uid } from './dom.js';
import { t, code, bilingual } from './i18n.js';
import { ApiError, seg } from './api.js';

/** A page heading that takes the focus after navigation (so keyboard and screen-reader users start there). */
export function pageTitle(text) {
  return h('h1', { tabindex: '-1', class: 'page-title' }, text);
}

export function section(title, ...children) {
  const id = uid('section');
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), children);
}

/** A status message: kind 'info' | 'ok' | 'error'; errors are announced at once. */
export function notice(kind, ...children) {
  return h('div', { class: ['notice', `notice-${kind}`], role: kind === 'error' ? 'alert' : 'status' }, children);
}

export function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('app.loading'));
}

/** What went wrong with a request, in words: network, a problem's title and detail, the broken rule. */
export function problemMessage(error) {
  if (!(error instanceof ApiError)) {
    return notice('error', String(error && error.message ? error.message : error));
  }
  if (error.status === 0) {
    return notice('error', t('common.network'));
  }
  const problem = error.problem || {};
  const lines = [h('strong', {}, `${t('common.problem')} (${error.status}${problem.title ? ` ${problem.title}` : ''})`)];
  if (problem.detail) {
    lines.push(h('span', { class: 'problem-detail' }, problem.detail));
  }
  if (problem.rule) {
    lines.push(h('span', { class: 'problem-rule' }, `rule: ${problem.rule}`));
  }
  if (error.fieldErrors.length) {
    lines.push(h('span', {}, t('common.fieldProblems')));
  }
  return notice('error', lines);
}

/**
 * A labelled form field with a hint and a slot for the API's message about it. spec: {name, label, type ('text',
 * 'date', 'number', 'textarea', 'select', 'list', 'json', 'password'), required, hint, options: [[value, label]],
 * value, autocomplete, inputmode}.
 */
export function field(spec) {
  const id = uid(`f-${spec.name}`);
  const hintId = spec.hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  let input;
  const common = {
    id, name: spec.name, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
    'aria-required': spec.required ? 'true' : null, autocomplete: spec.autocomplete || 'off',
  };
  if (spec.type === 'select') {
    input = h('select', common,
      spec.placeholder ? h('option', { value: '' }, spec.placeholder) : null,
      (spec.options || []).map(([value, label]) => h('option', { value, selected: value === spec.value }, label)));
  } else if (spec.type === 'textarea' || spec.type === 'list' || spec.type === 'json') {
    input = h('textarea', { ...common, rows: spec.rows || (spec.type === 'json' ? 6 : 3), spellcheck: 'false' });
    if (spec.value !== undefined && spec.value !== null) {
      input.value = spec.value;
    }
  } else {
    input = h('input', {
      ...common, type: spec.type === 'number' ? 'text' : (spec.type || 'text'),
      inputmode: spec.type === 'number' ? 'numeric' : spec.inputmode, value: spec.value ?? '',
      placeholder: spec.placeholder,
    });
  }
  const error = h('p', { id: errorId, class: 'field-error', 'aria-live': 'polite' });
  const element = h('div', { class: ['field', spec.wide ? 'field-wide' : null], dataset: { field: spec.name } },
    h('label', { for: id }, spec.label, spec.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
      !spec.required && spec.optionalMark !== false ? h('span', { class: 'opt' }, t('common.optional')) : null),
    input,
    hintId ? h('p', { id: hintId, class: 'hint' }, spec.hint) : null,
    error);
  return {
    element,
    input,
    name: spec.name,
    setError(message) {
      error.textContent = message || '';
      element.classList.toggle('has-error', Boolean(message));
      input.setAttribute('aria-invalid', message ? 'true' : 'false');
    },
  };
}

/**
 * Shows the field problems of an API answer next to their fields (a path such as topics[3] or replacement.postId
 * goes to its first segment's field); returns the problems that have no field on the form.
 */
export function showFieldErrors(fields, error) {
  fields.forEach((f) => f.setError(''));
  const unplaced = [];
  let first = null;
  for (const problem of error instanceof ApiError ? error.fieldErrors : []) {
    const base = String(problem.field || '').split(/[.[]/)[0];
    const target = fields.find((f) => f.name === base);
    if (target) {
      target.setError(problem.message);
      first = first || target;
    } else {
      unplaced.push(problem);
    }
  }
  if (first) {
    first.input.focus();
  }
  return unplaced;
}

/** A table; columns: [{label, value: row => node|string, className}]. On a phone each row becomes a card. */
export function table(columns, rows, options = {}) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: ['data', options.className] },
      options.caption ? h('caption', {}, options.caption) : null,
      h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col' }, column.label)))),
      h('tbody', {}, rows.map((row) => {
        const tr = h('tr', options.rowAttributes ? options.rowAttributes(row) : {},
          columns.map((column) => h('td', { 'data-label': column.label, class: column.className },
            column.value(row))));
        return tr;
      }))));
}

export function officialHref(officialId, params) {
  const query = params ? new URLSearchParams(params).toString() : '';
  return `#/official/${seg(officialId)}${query ? `?${query}` : ''}`;
}

/** A link to an entry of a record: the official's page scrolls to it and marks it. */
export function entryLink(officialId, sequence) {
  return h('a', { href: officialHref(officialId, { seq: sequence }), class: 'seq-link', dataset: { seq: sequence } },
    t('common.entry', sequence));
}

/** "from – to" of a tenure. */
export function period(from, to) {
  return `${from || '?'} – ${to || t('common.present')}`;
}

/** A code with its name: "书记" with the code in a title for those who script against it. */
export function named(kind, value) {
  return h('span', { title: value }, code(kind, value));
}

export function short(hash) {
  return hash ? `${hash.slice(0, 12)}…` : '';
}

/** A full hash, breakable on narrow screens, selectable for copying. */
export function hashText(hash) {
  return h('code', { class: 'hash' }, hash || '');
}

export { bilingual };
