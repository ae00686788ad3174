// The console's shell: header, navigation by role, and a router over the address's #fragment.

import { h, replace } from './dom.js';
import { t, lang, setLang, code } from './i18n.js';
import { session } from './session.js';
import { onUnauthorized } from './api.js';
import { notice, pageTitle } from './ui.js';
import * as signin from './pages/signin.js';
import * as search from './pages/search.js';
import * as official from './pages/official.js';
import * as review from './pages/review.js';
import * as tracing from './pages/tracing.js';
import * as record from './pages/record.js';
import * as admin from './pages/admin.js';

const READERS = ['ORGANIZATION', 'DISCIPLINE', 'AUDITOR', 'RECORDER'];

/** The pages: a path pattern, who may open it, and its nav entry if it has one. */
const ROUTES = [
  { pattern: /^signin$/, page: signin, open: true },
  { pattern: /^search$/, page: search, roles: READERS, nav: 'nav.search', href: '#/search' },
  { pattern: /^official\/([^/]+)$/, page: official, roles: ['ORGANIZATION', 'DISCIPLINE', 'AUDITOR'] },
  { pattern: /^review\/([^/]+)$/, page: review, roles: ['ORGANIZATION', 'DISCIPLINE'] },
  { pattern: /^tracing$/, page: tracing, roles: ['ORGANIZATION', 'DISCIPLINE'], nav: 'nav.tracing', href: '#/tracing' },
  { pattern: /^record(?:\/(entry|official|case))?$/, page: record, roles: ['RECORDER', 'ORGANIZATION', 'DISCIPLINE'],
    nav: 'nav.record', href: '#/record' },
  { pattern: /^admin(?:\/(places|departments|rule-sets))?$/, page: admin, roles: ['ADMIN'], nav: 'nav.admin',
    href: '#/admin' },
];

const root = document.getElementById('app');
let flash = null;

/** The path and parameters of the address: #/official/zhang-san?asOf=2019-01-01 */
function location() {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const split = hash.indexOf('?');
  const path = split < 0 ? hash : hash.slice(0, split);
  const params = new URLSearchParams(split < 0 ? '' : hash.slice(split + 1));
  return { path, params };
}

/** Where a user lands: readers on the search, recorders on the forms, administrators on reference data. */
function home() {
  if (session.hasRole('ORGANIZATION', 'DISCIPLINE', 'AUDITOR')) {
    return '#/search';
  }
  if (session.hasRole('RECORDER')) {
    return '#/record';
  }
  return session.hasRole('ADMIN') ? '#/admin' : '#/signin';
}

/** Goes to a page: navigate('#/search', {q: '张'}). */
export function navigate(href, params) {
  const query = params ? new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== null
    && v !== undefined)).toString() : '';
  const target = query ? `${href}?${query}` : href;
  if (window.location.hash === target) {
    render();
  } else {
    window.location.hash = target;
  }
}

function header(path) {
  const user = session.user();
  const langButton = h('button', {
    type: 'button', class: 'link-button lang-toggle', lang: lang() === 'zh' ? 'en' : 'zh-CN',
    'aria-label': t('app.langName'),
    on: { click: () => { setLang(lang() === 'zh' ? 'en' : 'zh'); render(); } },
  }, t('app.lang'));
  const skip = h('button', {
    type: 'button', class: 'skip-link',
    on: { click: () => document.getElementById('main').focus() },
  }, t('app.skip'));
  const nav = user ? h('nav', { 'aria-label': t('nav.label'), class: 'main-nav' },
    h('ul', {}, ROUTES.filter((route) => route.nav && session.hasRole(...route.roles)).map((route) => {
      const here = route.pattern.test(path) || (route.href === '#/search' && /^(official|review)\//.test(path));
      return h('li', {}, h('a', { href: route.href, 'aria-current': here ? 'page' : null }, t(route.nav)));
    }))) : null;
  const who = user ? h('div', { class: 'who' },
    h('span', { class: 'who-name', title: t('app.signedInAs') }, user.name),
    h('span', { class: 'who-roles' }, user.roles.map((role) => code('role', role)).join('、')),
    h('button', {
      type: 'button', class: 'link-button sign-out',
      on: { click: () => { session.forget(); flash = null; navigate('#/signin'); } },
    }, t('app.signOut'))) : null;
  return h('header', { class: 'top' }, skip,
    h('div', { class: 'top-row' },
      h('a', { class: 'brand', href: user ? home() : '#/signin' }, t('app.title')),
      h('div', { class: 'top-tools' }, who, langButton)),
    nav);
}

let generation = 0;

export async function render() {
  generation += 1;
  const mine = generation;
  const { path, params } = location();
  if (!session.signedIn() && path !== 'signin') {
    navigate('#/signin', path ? { next: `#/${path}${params.toString() ? `?${params}` : ''}` } : null);
    return;
  }
  if (path === '' || (path === 'signin' && session.signedIn())) {
    navigate(home());
    return;
  }
  const route = ROUTES.find((candidate) => candidate.pattern.test(path));
  const main = h('main', { id: 'main', tabindex: '-1' });
  replace(root, header(path), main);
  if (flash) {
    main.appendChild(flash);
    flash = null;
  }
  const view = h('div', { class: 'view' });
  main.appendChild(view);
  if (!route) {
    replace(view, pageTitle(t('app.notFound')));
  } else if (!route.open && !session.hasRole(...route.roles)) {
    replace(view, pageTitle(t('app.forbidden')));
  } else {
    const match = route.pattern.exec(path);
    try {
      await route.page.render(view, {
        args: match.slice(1).map((value) => (value === undefined ? undefined : decodeURIComponent(value))),
        params,
        navigate,
        alive: () => mine === generation,
      });
    } catch (e) {
      view.appendChild(notice('error', String(e && e.message ? e.message : e)));
      throw e;
    }
  }
  if (mine === generation) {
    const title = view.querySelector('h1');
    document.title = title ? `${title.textContent} · ${t('app.short')}` : t('app.title');
    const target = document.querySelector('.seq-target') || title;
    if (target && !main.contains(document.activeElement)) {
      target.focus();
    }
  }
}

onUnauthorized(() => {
  session.forget();
  flash = notice('error', t('app.expired'));
  navigate('#/signin');
});

window.addEventListener('hashchange', () => render());
render();
