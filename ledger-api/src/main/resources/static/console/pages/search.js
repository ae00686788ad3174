// 干部检索: by a part of the name and by the place of a post.

import { h, replace } from '../dom.js';
import { t, code } from '../i18n.js';
import { getJson, query } from '../api.js';
import { session } from '../session.js';
import { placeOn, placeLabel } from '../places.js';
import { field, notice, pageTitle, problemMessage, table, officialHref, period, loading } from '../ui.js';

const PAGE_SIZE = 50; // the API's page (ViewsController.SEARCH_PAGE_SIZE)

/** The place's name shown beside a code field as it is typed (today's name). */
export function placeEcho(placeField, on) {
  const echo = h('p', { class: 'place-echo', 'aria-live': 'polite' });
  let timer = null;
  const look = () => {
    const value = placeField.input.value.trim();
    echo.textContent = '';
    if (!value) {
      return;
    }
    placeOn(value, on ? on() : undefined).then((place) => {
      if (placeField.input.value.trim() === value) {
        echo.textContent = place ? `${t('place.lookup')}：${place.name}（${code('level', place.level)}）`
          : t('place.notFound');
      }
    }).catch(() => {});
  };
  placeField.input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(look, 300); });
  placeField.element.insertBefore(echo, placeField.element.querySelector('.field-error'));
  look();
  return look;
}

export async function render(view, { params, navigate }) {
  const q = params.get('q') || '';
  const place = params.get('place') || '';
  const page = Math.max(1, Number.parseInt(params.get('page') || '1', 10) || 1);
  const name = field({ name: 'query', label: t('search.query'), hint: t('search.queryHint'), value: q, optionalMark: false });
  const placeField = field({
    name: 'jurisdictionCode', label: t('search.place'), hint: t('search.placeHint'), value: place,
    inputmode: 'numeric', optionalMark: false,
  });
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  view.append(pageTitle(t('search.title')),
    h('form', {
      class: 'form form-inline', role: 'search', novalidate: true,
      on: {
        submit: (event) => {
          event.preventDefault();
          navigate('#/search', { q: name.input.value.trim(), place: placeField.input.value.trim() });
        },
      },
    }, name.element, placeField.element,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('common.search')))),
    results);
  placeEcho(placeField);
  if (!params.has('q') && !params.has('place')) {
    return;
  }
  replace(results, loading());
  let found;
  try {
    found = await getJson(`api/v1/officials${query({ query: q, jurisdictionCode: place, page })}`);
  } catch (e) {
    replace(results, problemMessage(e));
    return;
  }
  const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
  const readsRecords = session.hasRole('ORGANIZATION', 'DISCIPLINE', 'AUDITOR');
  const rows = found.items;
  replace(results,
    h('p', { class: 'count' }, t('search.results', found.total)),
    rows.length === 0 ? notice('info', t('search.nothing')) : table([
      {
        label: code('field', 'name'),
        value: (hit) => (readsRecords
          ? h('a', { href: officialHref(hit.officialId), class: 'official-link' }, hit.name)
          : h('span', {}, hit.name)),
      },
      { label: code('field', 'officialId'), value: (hit) => h('code', {}, hit.officialId) },
      {
        label: t('search.posts'),
        value: (hit) => h('ul', { class: 'plain' }, hit.tenures.map((tenure) => h('li', {},
          code('postRole', tenure.role), ' · ',
          tenure.jurisdictionCode ? placeLabel(tenure.jurisdictionCode) : h('code', {}, tenure.departmentCode),
          ' · ', period(tenure.from, tenure.to)))),
      },
      {
        label: '',
        value: (hit) => (session.hasRole('RECORDER', 'ORGANIZATION', 'DISCIPLINE')
          ? h('a', { href: `#/record?${new URLSearchParams({ official: hit.officialId })}` }, t('search.append'))
          : ''),
      },
    ], rows, { className: 'search-results' }),
    pages > 1 ? h('nav', { class: 'pager', 'aria-label': t('search.page', page, pages) },
      page > 1 ? h('a', { href: `#/search${query({ q, place, page: page - 1 })}` }, t('search.prev')) : null,
      h('span', {}, t('search.page', page, pages)),
      page < pages ? h('a', { href: `#/search${query({ q, place, page: page + 1 })}` }, t('search.next')) : null) : null);
}
