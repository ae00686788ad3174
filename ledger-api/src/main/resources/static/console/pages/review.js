// 提拔任用审查: may the official be promoted on a date? Each flag with the rule that makes it a flag and links to
// the entries that prove it.

import { h, replace } from '../dom.js';
import { t, code, bilingual } from '../i18n.js';
import { getJson, seg, query } from '../api.js';
import { session } from '../session.js';
import { field, notice, pageTitle, problemMessage, section, entryLink, loading, officialHref } from '../ui.js';

export async function render(view, { args: [officialId], params, navigate }) {
  const on = params.get('on') || session.user().today;
  const title = pageTitle(`${t('review.title')} · ${officialId}`);
  const date = field({ name: 'on', label: t('review.on'), type: 'date', value: on, optionalMark: false });
  const result = h('div', { class: 'review-result', 'aria-live': 'polite' }, loading());
  view.append(title,
    h('p', {}, h('a', { href: officialHref(officialId) }, t('review.back'))),
    h('form', {
      class: 'form form-inline narrow', novalidate: true, 'aria-label': t('review.on'),
      on: {
        submit: (event) => {
          event.preventDefault();
          navigate(`#/review/${seg(officialId)}`, { on: date.input.value });
        },
      },
    }, date.element, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('common.apply')))),
    result);
  let review;
  try {
    review = await getJson(`api/v1/officials/${seg(officialId)}/promotion-review${query({ on })}`,
      { purpose: session.purpose() });
  } catch (e) {
    replace(result, problemMessage(e));
    return;
  }
  title.textContent = `${t('review.title')} · ${review.name} · ${review.on}`;
  replace(result,
    h('p', { class: ['verdict', review.eligible ? 'verdict-ok' : 'verdict-blocked'], dataset: { eligible: String(review.eligible) } },
      h('span', { 'aria-hidden': 'true' }, review.eligible ? '✓ ' : '✗ '),
      t(review.eligible ? 'review.eligible' : 'review.notEligible')),
    review.ruleSet ? h('p', { class: 'hint' }, t('review.ruleSet', review.ruleSet)) : null,
    section(t('review.flags'), review.flags.length === 0 ? notice('info', t('review.noFlags'))
      : h('ul', { class: 'flags' }, review.flags.map((flag) => h('li', {
        class: ['flag', flag.blocking ? 'flag-blocking' : 'flag-notice'], dataset: { code: flag.code },
      },
      h('p', { class: 'flag-head' },
        h('span', { class: flag.blocking ? 'tag tag-bad' : 'tag' }, t(flag.blocking ? 'review.blocking' : 'review.notice')),
        ' ', h('strong', {}, code('flag', flag.code))),
      h('p', { class: 'flag-message' }, bilingual(flag.message)),
      h('p', { class: 'hint' }, [flag.article, flag.ruleSet].filter(Boolean).join(' · ')),
      flag.sequences.length ? h('p', { class: 'flag-proof' }, `${t('review.proof')}: `,
        flag.sequences.map((sequence, index) => [index ? '、' : '', entryLink(officialId, sequence)])) : null)))));
}
