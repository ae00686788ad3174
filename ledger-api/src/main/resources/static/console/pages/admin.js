// 管理: jurisdictions (register, change from a date on, look up as of a date), departments, rule sets.

import { h, replace } from '../dom.js';
import { t, code } from '../i18n.js';
import { getJson, seg, query } from '../api.js';
import { apiForm, build, spec } from '../forms.js';
import { forgetPlaces } from '../places.js';
import { field, notice, pageTitle, problemMessage, section, table, loading } from '../ui.js';

function tabs(current) {
  return h('nav', { class: 'tabs', 'aria-label': t('admin.title') }, h('ul', {},
    [['places', 'admin.tabPlaces'], ['departments', 'admin.tabDepartments'], ['rule-sets', 'admin.tabRuleSets']]
      .map(([name, label]) => h('li', {}, h('a', { href: `#/admin/${name}`, 'aria-current': name === current ? 'page' : null }, t(label))))));
}

function places() {
  const register = apiForm({
    label: t('admin.register'),
    fields: [spec('code', 'text', { required: true, inputmode: 'numeric' }),
      spec('name', 'text', { required: true, label: t('common.name') }), spec('level', 'select', { codes: 'level', required: true }), spec('parentCode', 'text', { inputmode: 'numeric' }),
      spec('validFrom', 'date'), spec('sourceDocument')].map(build),
    path: () => 'api/v1/jurisdictions',
    success: (answer, body) => notice('ok', t('admin.registered', `${body.name} (${body.code})`)),
    afterSuccess: forgetPlaces,
  });
  const changed = field({ name: 'code', label: code('field', 'code'), required: true, inputmode: 'numeric' });
  const change = apiForm({
    label: t('admin.change'),
    extra: changed.element,
    fields: [spec('kind', 'select', { codes: 'changeKind', required: true }), spec('on', 'date', { required: true }),
      spec('name', 'text', { label: t('admin.newName') }), spec('parentCode', 'text', { inputmode: 'numeric' }), spec('intoCode', 'text', { inputmode: 'numeric' }),
      spec('sourceDocument')].map(build),
    path: () => `api/v1/jurisdictions/${seg(changed.input.value.trim() || '-')}/changes`,
    success: () => notice('ok', t('admin.changed')),
    afterSuccess: forgetPlaces,
  });
  const lookCode = field({ name: 'code', label: code('field', 'code'), required: true, inputmode: 'numeric' });
  const lookOn = field({ name: 'on', label: t('admin.lookupOn'), type: 'date', optionalMark: true });
  const found = h('div', { 'aria-live': 'polite' });
  const lookup = h('form', {
    class: 'form form-inline', novalidate: true, 'aria-label': t('admin.lookup'),
    on: {
      submit: async (event) => {
        event.preventDefault();
        replace(found, loading());
        try {
          const place = await getJson(`api/v1/jurisdictions/${seg(lookCode.input.value.trim() || '-')}${query({ on: lookOn.input.value })}`);
          replace(found, table([
            { label: code('field', 'code'), value: (p) => p.code },
            { label: t('common.name'), value: (p) => p.name },
            { label: t('common.level'), value: (p) => code('level', p.level) },
            { label: code('field', 'parentCode'), value: (p) => p.parentCode || '' },
          ], [place]));
        } catch (e) {
          replace(found, problemMessage(e));
        }
      },
    },
  }, lookCode.element, lookOn.element, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('common.search'))));
  return [section(t('admin.register'), register.form), section(t('admin.change'), change.form),
    section(t('admin.lookup'), lookup, found)];
}

function departments() {
  return [section(t('admin.department'), apiForm({
    label: t('admin.department'),
    fields: [spec('code', 'text', { required: true }), spec('name', 'text', { required: true, label: t('common.name') }),
      spec('jurisdictionCode', 'text', { required: true, inputmode: 'numeric' }), spec('validFrom', 'date'),
      spec('sourceDocument')].map(build),
    path: () => 'api/v1/departments',
    success: (answer, body) => notice('ok', t('admin.registered', `${body.name} (${body.code})`)),
  }).form)];
}

async function ruleSets() {
  const list = h('div', { 'aria-live': 'polite' }, loading());
  const refresh = async () => {
    try {
      const stored = await getJson('api/v1/rule-sets');
      replace(list, stored.length === 0 ? notice('info', t('admin.noRuleSets')) : table([
        { label: 'id', value: (r) => r.id },
        { label: t('admin.version'), value: (r) => String(r.version) },
        { label: t('admin.effectiveFrom'), value: (r) => r.effectiveFrom },
        { label: t('admin.postedBy'), value: (r) => `${r.postedBy} · ${r.postedAt}` },
      ], stored));
    } catch (e) {
      replace(list, problemMessage(e));
    }
  };
  const post = apiForm({
    label: t('admin.postRuleSet'),
    fields: [build(spec('ruleSet', 'json', { required: true, label: t('admin.postRuleSet'), placeholder: '{"id": "QHD-2026", "version": 1, "effectiveFrom": "2026-01-01", …}' }))],
    path: () => 'api/v1/rule-sets',
    body: (values) => values.ruleSet,
    success: (answer) => notice('ok', t('admin.ruleSetPosted', answer.body.id, answer.body.version)),
    afterSuccess: refresh,
  });
  await refresh();
  return [section(t('admin.ruleSets'), list), section(t('admin.postRuleSet'), post.form)];
}

export async function render(view, { args: [tab] }) {
  const current = tab || 'places';
  view.append(pageTitle(t('admin.title')), tabs(current));
  if (current === 'departments') {
    view.append(...departments());
  } else if (current === 'rule-sets') {
    view.append(...await ruleSets());
  } else {
    view.append(...places());
  }
}
