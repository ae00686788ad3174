// 事件追溯: an incident at a place on a date → every official whose post covered the place that day, directly or
// through its township, county and city as the tree stood then, nearest level first.

import { h, replace } from '../dom.js';
import { t, code } from '../i18n.js';
import { getJson, seg, query, ApiError } from '../api.js';
import { session } from '../session.js';
import { placeLabel } from '../places.js';
import { placeEcho } from './search.js';
import { field, notice, pageTitle, problemMessage, section, table, officialHref, period, named, loading } from '../ui.js';

const LEVELS = ['VILLAGE', 'TOWNSHIP', 'COUNTY', 'CITY'];

export async function render(view, { params, navigate }) {
  const place = params.get('place') || '';
  const on = params.get('on') || '';
  const placeField = field({ name: 'place', label: t('tracing.place'), value: place, required: true, inputmode: 'numeric' });
  const date = field({ name: 'on', label: t('tracing.on'), type: 'date', value: on || session.user().today, required: true });
  const result = h('div', { class: 'tracing-result', 'aria-live': 'polite' });
  view.append(pageTitle(t('tracing.title')), h('p', {}, t('tracing.intro')),
    h('form', {
      class: 'form form-inline', novalidate: true, 'aria-label': t('tracing.title'),
      on: {
        submit: (event) => {
          event.preventDefault();
          navigate('#/tracing', { place: placeField.input.value.trim(), on: date.input.value });
        },
      },
    }, placeField.element, date.element,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('tracing.submit')))),
    result);
  placeEcho(placeField, () => date.input.value);
  if (!place || !on) {
    return;
  }
  replace(result, loading());
  let responsible;
  try {
    responsible = await getJson(`api/v1/jurisdictions/${seg(place)}/responsible${query({ on })}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      replace(result, notice('error', t('tracing.placeGone')));
      return;
    }
    // a 400 names the field: show it next to the field too
    e.fieldErrors.forEach((problem) => (problem.field === 'on' ? date : placeField).setError(problem.message));
    replace(result, problemMessage(e));
    return;
  }
  if (responsible.length === 0) {
    replace(result, notice('info', t('tracing.nobody')));
    return;
  }
  const levels = LEVELS.filter((level) => responsible.some((row) => row.viaLevel === level));
  replace(result, h('h2', { class: 'sr-heading' }, placeLabel(place, on), ` · ${on}`),
    levels.map((level) => {
      const rows = responsible.filter((row) => row.viaLevel === level);
      return h('div', { class: 'level-group', dataset: { level } }, section(t('tracing.level', code('level', level)), table([
        { label: code('field', 'name'), value: (row) => h('a', { href: officialHref(row.officialId), class: 'official-link' }, row.name) },
        { label: code('field', 'role'), value: (row) => named('postRole', row.role) },
        { label: code('field', 'responsibilityKind'), value: (row) => named('responsibilityKind', row.responsibilityKind) },
        { label: t('common.placeName'), value: (row) => placeLabel(row.viaJurisdictionCode, on) },
        { label: t('official.tenure'), value: (row) => period(row.tenureFrom, row.tenureTo) },
      ], rows)));
    }));
}
