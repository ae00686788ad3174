// 登录: user name and password (HTTP Basic, sent by the page itself), or a bearer token from the organization's
// identity provider. The credentials are checked with GET /api/v1/me and kept by this tab only.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { getJson, ApiError } from '../api.js';
import { session } from '../session.js';
import { field, notice, pageTitle, problemMessage } from '../ui.js';

export async function render(view, { params, navigate }) {
  const user = field({ name: 'username', label: t('signin.user'), required: true, autocomplete: 'username' });
  const password = field({
    name: 'password', label: t('signin.password'), type: 'password', required: true,
    autocomplete: 'current-password',
  });
  const token = field({
    name: 'token', label: t('signin.tokenField'), type: 'textarea', hint: t('signin.tokenHint'), rows: 3,
    optionalMark: false,
  });
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('signin.submit'));

  async function signIn(event) {
    event.preventDefault();
    status.replaceChildren();
    const useToken = token.input.value.trim() !== '';
    const authorization = useToken ? session.bearer(token.input.value)
      : session.basic(user.input.value.trim(), password.input.value);
    submit.disabled = true;
    try {
      const me = await getJson('api/v1/me', { authorization });
      if (!me.roles || me.roles.length === 0) {
        status.replaceChildren(notice('error', t('signin.noRole')));
        return;
      }
      session.remember(authorization, me);
      const next = params.get('next');
      navigate(next && next.startsWith('#/') && !next.startsWith('#/signin') ? next : '#/');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        status.replaceChildren(notice('error', t(useToken ? 'signin.tokenFailed' : 'signin.failed')));
        (useToken ? token : password).input.focus();
      } else {
        status.replaceChildren(problemMessage(e));
      }
    } finally {
      submit.disabled = false;
    }
  }

  view.append(
    h('div', { class: 'signin' },
      pageTitle(t('signin.title')),
      h('p', {}, t('signin.intro')),
      h('form', { class: 'form', novalidate: true, on: { submit: signIn }, 'aria-label': t('signin.title') },
        user.element, password.element,
        h('details', { class: 'token-signin' }, h('summary', {}, t('signin.token')), token.element),
        status,
        h('div', { class: 'actions' }, submit))));
}
