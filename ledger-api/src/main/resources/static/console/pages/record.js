// 录入: append an entry of any type the role may append, open an official's record, register inspection cases and
// their steps. The API checks everything; its messages appear next to the fields they are about.

import { h } from '../dom.js';
import { t, code } from '../i18n.js';
import { seg, ApiError } from '../api.js';
import { session } from '../session.js';
import { apiForm, build, spec } from '../forms.js';
import { field, notice, pageTitle, section, hashText, officialHref } from '../ui.js';
import { ENTRY_FIELDS, COMMON_FIELDS, typesFor } from '../entry-types.js';

function tabs(current) {
  const all = [['entry', 'record.tabEntry', true],
    ['official', 'record.tabOfficial', session.hasRole('RECORDER', 'ORGANIZATION')],
    ['case', 'record.tabCase', session.hasRole('RECORDER')]];
  return h('nav', { class: 'tabs', 'aria-label': t('record.title') },
    h('ul', {}, all.filter(([, , allowed]) => allowed).map(([name, label]) => h('li', {},
      h('a', { href: `#/record/${name}`, 'aria-current': name === current ? 'page' : null }, t(label))))));
}

function receipt(answer, officialId) {
  const r = answer.body;
  return notice('ok', h('p', { class: 'receipt', dataset: { sequence: r.sequence } },
    t('record.appended', r.sequence, code('entryType', r.type)), hashText(r.hash)),
  officialId && session.hasRole('ORGANIZATION', 'DISCIPLINE', 'AUDITOR')
    ? h('p', {}, h('a', { href: officialHref(officialId, { seq: r.sequence }) }, t('search.open'))) : null);
}

function entryForm(params) {
  const types = typesFor(session.user().roles);
  const official = field({ name: 'officialId', label: code('field', 'officialId'), value: params.get('official') || '', required: true });
  const chosen = types.includes(params.get('type')) ? params.get('type') : '';
  const type = field({
    name: 'type', label: t('record.type'), type: 'select', required: true, value: chosen,
    placeholder: t('record.chooseType'), options: types.map((value) => [value, `${code('entryType', value)} (${value})`]),
  });
  const fieldsFor = (value) => (value ? [...COMMON_FIELDS, ...ENTRY_FIELDS[value]].map(build) : []);
  const form = apiForm({
    label: t('record.tabEntry'),
    extra: [official.element, type.element],
    fields: fieldsFor(chosen),
    path: () => `api/v1/officials/${seg(official.input.value.trim() || '-')}/entries`,
    body: (values) => ({ type: type.input.value || undefined, ...values }),
    success: (answer) => receipt(answer, official.input.value.trim()),
    onError: (e) => {
      official.setError('');
      type.setError('');
      const idProblem = e instanceof ApiError ? e.fieldErrors.find((p) => p.field === 'officialId') : null;
      if (e instanceof ApiError && (e.status === 404 || idProblem)) {
        official.setError(idProblem ? idProblem.message : e.problem.detail || '');
        official.input.focus();
        return true;
      }
      const typeProblem = e instanceof ApiError ? e.fieldErrors.find((p) => p.field === 'type') : null;
      if (typeProblem) {
        type.setError(typeProblem.message);
        type.input.focus();
        return true;
      }
      return false;
    },
  });
  type.input.addEventListener('change', () => form.setFields(fieldsFor(type.input.value)));
  return form.form;
}

function officialForm() {
  return apiForm({
    label: t('record.tabOfficial'),
    fields: [spec('officialId', 'text', { required: true }), spec('name', 'text', { required: true }),
      spec('occurredOn', 'date'), spec('sourceDocument')].map(build),
    path: () => 'api/v1/officials',
    success: (answer) => {
      const id = decodeURIComponent((answer.location || '').split('/').pop());
      return notice('ok', h('p', {}, t('record.registered', id), ' ',
        h('a', { href: `#/record?${new URLSearchParams({ official: id })}` }, t('record.tabEntry'))));
    },
  }).form;
}

function caseForms() {
  const register = apiForm({
    label: t('record.tabCase'),
    fields: [spec('caseId', 'text', { required: true }), spec('jurisdictionCode', 'text', { required: true, inputmode: 'numeric' }),
      spec('source', 'select', { codes: 'caseSource', required: true }), spec('kind', 'select', { codes: 'caseKind', required: true }),
      spec('description', 'textarea', { required: true }), spec('assignedOn', 'date', { required: true }),
      spec('sourceDocument')].map(build),
    path: () => 'api/v1/cases',
    success: (answer, body) => notice('ok', t('record.caseAssigned', body.caseId)),
  });
  const caseId = field({ name: 'caseId', label: code('field', 'caseId'), required: true });
  const transition = apiForm({
    label: t('record.caseTransition'),
    extra: caseId.element,
    fields: [spec('status', 'select', { options: ['RECTIFYING', 'RECTIFIED', 'CLOSED'].map((s) => [s, `${code('caseStatus', s)} (${s})`]), required: true }),
      spec('on', 'date', { required: true }), spec('note', 'textarea'), spec('sourceDocument')].map(build),
    path: () => `api/v1/cases/${seg(caseId.input.value.trim() || '-')}/transitions`,
    success: (answer, body) => notice('ok', t('record.caseMoved', caseId.input.value.trim(), code('caseStatus', body.status))),
    onError: (e) => {
      caseId.setError(e instanceof ApiError && e.status === 404 ? e.problem.detail : '');
      return e instanceof ApiError && e.status === 404;
    },
  });
  return [section(t('record.tabCase'), register.form), section(t('record.caseTransition'), transition.form)];
}

export async function render(view, { args: [tab], params }) {
  const current = tab || 'entry';
  view.append(pageTitle(t('record.title')), tabs(current));
  if (current === 'official' && session.hasRole('RECORDER', 'ORGANIZATION')) {
    view.append(section(t('record.tabOfficial'), officialForm()));
  } else if (current === 'case' && session.hasRole('RECORDER')) {
    view.append(...caseForms());
  } else {
    view.append(section(t('record.tabEntry'), entryForm(params)));
  }
}
