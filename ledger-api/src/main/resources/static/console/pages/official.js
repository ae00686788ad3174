// 干部档案: posts and tenures, duties per period as charts, summons, cases, assessments, one-vetoes,
// accountability; the entries as stored, filterable by type; the record as of a past moment; the verification
// badge; downloads of the dossier report and the evidence bundle.

import { h, replace } from '../dom.js';
import { t, code } from '../i18n.js';
import { getJson, send, seg, query, download, ApiError } from '../api.js';
import { session } from '../session.js';
import { instantIn, wallClock } from '../zone.js';
import { placeLabel } from '../places.js';
import { dutyCharts } from '../chart.js';
import {
  field, notice, pageTitle, problemMessage, section, table, entryLink, period, named, hashText, loading,
} from '../ui.js';

/** Which code list names a field's value, by field (and for `reason`, only for LEFT_POST). */
const FIELD_CODES = {
  role: 'postRole', responsibilityKind: 'responsibilityKind', body: 'meetingBody', grade: 'grade',
  capacity: 'capacity', outcome: 'outcome', correctedType: 'entryType',
};
const NOT_SHOWN = new Set(['officialId', 'recordedBy', 'recordedAt', 'occurredOn', 'sourceDocument']);

function fieldValue(type, name, value) {
  if (value === null || value === undefined) {
    return null;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? null : value.join('；');
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  if (name === 'reason' && type === 'LEFT_POST') {
    return code('leavingReason', value);
  }
  return FIELD_CODES[name] ? code(FIELD_CODES[name], value) : String(value);
}

/** Items of the dossier carry the sequences they come from; data-seqs lets a review's link find them. */
function seqs(...sequences) {
  return { 'data-seqs': sequences.flat().filter((value) => value !== null && value !== undefined).join(' ') };
}

function asOfForm(params, navigate, officialId, zone) {
  const date = field({
    name: 'asOf', label: t('official.asOfDate'), type: 'date', value: params.get('asOf') || '', optionalMark: false,
  });
  const time = field({
    name: 'at', label: t('official.asOfTime'), value: params.get('at') || '', placeholder: '08:30:00',
    inputmode: 'numeric', optionalMark: false,
  });
  const purpose = field({ name: 'purpose', label: t('official.purpose'), value: session.purpose(), optionalMark: false });
  purpose.input.addEventListener('change', () => session.setPurpose(purpose.input.value));
  const form = h('form', {
    class: 'form form-inline as-of', novalidate: true, 'aria-label': t('official.asOf'),
    on: {
      submit: (event) => {
        event.preventDefault();
        session.setPurpose(purpose.input.value);
        const at = time.input.value.trim();
        if (at && !instantIn(zone, date.input.value || '2000-01-01', at)) {
          time.setError(t('official.asOfBadTime'));
          time.input.focus();
          return;
        }
        navigate(`#/official/${seg(officialId)}`, { asOf: date.input.value, at: date.input.value ? at : '' });
      },
    },
  },
  h('fieldset', {}, h('legend', {}, t('official.asOf')), date.element, time.element,
    h('p', { class: 'hint' }, t('official.asOfHint', zone))),
  purpose.element,
  h('div', { class: 'actions' },
    h('button', { type: 'submit', class: 'primary' }, t('common.apply')),
    h('button', {
      type: 'button',
      on: { click: () => navigate(`#/official/${seg(officialId)}`) },
    }, t('common.clear'))));
  return form;
}

function downloads(officialId, asOf, readsDossier, readsEvidence) {
  const status = h('div', { class: 'download-status', 'aria-live': 'polite' });
  const base = `api/v1/officials/${seg(officialId)}`;
  const button = (label, run) => h('button', {
    type: 'button', class: 'download',
    on: {
      click: async () => {
        status.replaceChildren();
        try {
          const name = await run();
          status.replaceChildren(notice('ok', t('official.downloaded', name)));
        } catch (e) {
          status.replaceChildren(problemMessage(e));
        }
      },
    },
  }, label);
  const suffix = asOf ? `-asof-${asOf.replace(/[:]/g, '')}` : '';
  const dossier = `${base}/dossier${query({ asOf })}`;
  const save = (path, accept, name) => () => download(path, accept, name, { purpose: session.purpose() });
  return h('div', { class: 'downloads' },
    h('h2', { class: 'inline-heading' }, t('official.downloads')),
    h('div', { class: 'download-buttons' },
      readsDossier ? [
        button(t('official.dossierPdf'), save(dossier, 'application/pdf', `${officialId}-dossier${suffix}.pdf`)),
        button(t('official.dossierXlsx'), save(dossier, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          `${officialId}-dossier${suffix}.xlsx`)),
        button(t('official.dossierJson'), save(dossier, 'application/json', `${officialId}-dossier${suffix}.json`)),
      ] : null,
      readsEvidence ? button(t('official.evidence'), save(`${base}/evidence`, 'application/json',
        `${officialId}-evidence.json`)) : null),
    status);
}

/** The API's largest page of entries (RequestLimits.MAX_PAGE_SIZE), and how many pages the page reads at most. */
const ENTRY_PAGE = 500;
const MAX_ENTRY_PAGES = 40;

/** Every entry of the record (as of a moment), page by page. */
async function allEntries(base, asOf, purpose) {
  const entries = [];
  for (let page = 0; page < MAX_ENTRY_PAGES; page += 1) {
    const batch = await getJson(`${base}/entries${query({ asOf, page: page || null, size: ENTRY_PAGE })}`, { purpose });
    entries.push(...batch);
    if (batch.length < ENTRY_PAGE) {
      break;
    }
  }
  return entries;
}

/** 完整性校验: the chain verified from the stored data, the latest signed checkpoint, the head's inclusion. */
async function verificationBadge(officialId) {
  const purpose = session.purpose();
  const [verification, checkpoint] = await Promise.all([
    getJson(`api/v1/officials/${seg(officialId)}/verification`, { purpose }),
    send('api/v1/log/checkpoint', { accept: 'text/plain' }).then((response) => response.text()).catch(() => null),
  ]);
  let inclusion = null;
  if (checkpoint && verification.valid && verification.entries > 0) {
    inclusion = await getJson(`api/v1/log/proofs/inclusion${query({ officialId, sequence: verification.entries - 1 })}`)
      .catch(() => null);
  }
  const lines = checkpoint ? checkpoint.split('\n') : [];
  const valid = verification.valid;
  return h('section', {
    class: ['badge', valid ? 'badge-valid' : 'badge-invalid'], 'aria-labelledby': 'verify-title',
    dataset: { valid: String(valid) },
  },
  h('h2', { id: 'verify-title' }, t('verify.title')),
  h('p', { class: 'badge-verdict' }, h('span', { 'aria-hidden': 'true' }, valid ? '✓ ' : '✗ '),
    t(valid ? 'verify.valid' : 'verify.invalid')),
  h('p', {}, t('verify.entries', verification.entries, verification.algorithm)),
  !valid && verification.firstInvalidSequence !== null ? h('div', { class: 'badge-problem' },
    h('p', { class: 'first-bad' }, t('verify.firstBad', verification.firstInvalidSequence), ' ',
      h('a', { href: `#entry-${verification.firstInvalidSequence}`, class: 'jump', dataset: { seq: verification.firstInvalidSequence } },
        '→')),
    verification.problem ? h('p', {}, verification.problem) : null,
    verification.expected ? h('p', {}, `${t('verify.expected')}: `, hashText(verification.expected)) : null,
    verification.actual ? h('p', {}, `${t('verify.actual')}: `, hashText(verification.actual)) : null) : null,
  h('p', {}, `${t('verify.head')}: `, hashText(verification.headHash)),
  h('p', { class: 'badge-checkpoint' }, `${t('verify.checkpoint')}: `, checkpoint
    ? t('verify.checkpointOf', lines[0], lines[1], lines[2]) : t('verify.checkpointUnavailable')),
  checkpoint && valid ? h('p', { class: 'badge-inclusion' },
    inclusion ? t('verify.included', inclusion.leafIndex) : t('verify.notYet')) : null,
  h('p', { class: 'hint' }, t('verify.offline')));
}

function timeline(entries, zone) {
  const types = Array.from(new Set(entries.map((entry) => entry.type)));
  const empty = notice('info', t('official.timelineEmpty'));
  empty.hidden = true;
  const items = entries.map((entry) => {
    const payload = entry.payload || {};
    const details = Object.entries(payload).filter(([name]) => !NOT_SHOWN.has(name))
      .map(([name, value]) => [name, fieldValue(entry.type, name, value)]).filter(([, value]) => value !== null);
    return h('li', { id: `entry-${entry.sequence}`, class: 'entry', dataset: { type: entry.type, seq: entry.sequence },
      ...seqs(entry.sequence) },
    h('div', { class: 'entry-head' },
      h('span', { class: 'entry-seq' }, t('common.entry', entry.sequence)),
      h('span', { class: 'entry-type' }, code('entryType', entry.type)),
      payload.occurredOn ? h('span', { class: 'entry-date' }, `${t('official.occurredOn')} ${payload.occurredOn}`) : null),
    h('dl', { class: 'entry-fields' },
      details.map(([name, value]) => [h('dt', {}, code('field', name)), h('dd', {}, value)]),
      payload.sourceDocument ? [h('dt', {}, t('official.source')), h('dd', {}, payload.sourceDocument)] : null,
      h('dt', {}, t('official.recordedAt')), h('dd', {}, wallClock(zone, entry.recordedAt)),
      payload.recordedBy ? [h('dt', {}, t('official.recordedBy')), h('dd', {}, payload.recordedBy)] : null,
      h('dt', {}, 'hash'), h('dd', {}, hashText(entry.hash))));
  });
  const list = h('ol', { class: 'timeline' }, items);
  const filter = field({
    name: 'type', label: t('official.timelineFilter'), type: 'select', optionalMark: false,
    options: [['', t('official.allTypes')], ...types.map((type) => [type, code('entryType', type)])],
  });
  filter.input.addEventListener('change', () => {
    let shown = 0;
    for (const item of items) {
      item.hidden = filter.input.value !== '' && item.dataset.type !== filter.input.value;
      shown += item.hidden ? 0 : 1;
    }
    empty.hidden = shown > 0;
  });
  return section(t('official.timeline'), h('div', { class: 'form form-inline narrow' }, filter.element), empty, list);
}

function postsSection(dossier, officialId, viewDate) {
  if (dossier.posts.length === 0) {
    return section(t('official.posts'), notice('info', t('official.noPosts')));
  }
  return section(t('official.posts'), dossier.posts.map((post) => h('article', { class: 'post' },
    h('h3', {}, named('postRole', post.role), ' · ',
      post.jurisdictionCode ? placeLabel(post.jurisdictionCode, viewDate) : h('span', {}, post.placeName || post.departmentCode),
      ' · ', named('responsibilityKind', post.responsibilityKind)),
    h('p', { class: 'hint' }, `${code('field', 'postId')}: ${post.postId}`),
    post.tenures.map((tenure) => tenureBlock(tenure, officialId)))));
}

function tenureBlock(tenure, officialId) {
  const years = Array.from(new Set(tenure.duties.map((duty) => duty.start.slice(0, 4)))).sort();
  const charts = h('div', { class: 'charts' });
  const show = (year) => replace(charts, tenure.duties.length === 0 ? notice('info', t('official.noDuties'))
    : dutyCharts(year ? tenure.duties.filter((duty) => duty.start.startsWith(year)) : tenure.duties));
  const yearField = field({
    name: 'year', label: code('field', 'year'), type: 'select', optionalMark: false,
    options: [['', t('official.allYears')], ...years.map((year) => [year, year])],
  });
  yearField.input.addEventListener('change', () => show(yearField.input.value));
  show('');
  return h('div', { class: 'tenure', ...seqs(tenure.appointedSequence, tenure.leftSequence) },
    h('p', { class: 'tenure-line' }, h('strong', {}, `${t('official.tenure')} ${period(tenure.from, tenure.to)}`), ' ',
      entryLink(officialId, tenure.appointedSequence),
      tenure.leftSequence !== null ? [' · ', `${t('official.left')}: ${code('leavingReason', tenure.leavingReason)} `,
        entryLink(officialId, tenure.leftSequence)] : null),
    h('h4', {}, t('official.compliance'), tenure.missedDuties > 0
      ? h('span', { class: 'tag tag-bad' }, t('official.missedCount', tenure.missedDuties)) : null),
    years.length > 1 ? h('div', { class: 'form form-inline narrow' }, yearField.element) : null,
    charts,
    tenure.inspectionCases.length ? [h('h4', {}, t('official.cases')), table([
      { label: code('field', 'caseId'), value: (c) => c.caseId },
      { label: code('field', 'source'), value: (c) => `${code('caseSource', c.source)} · ${code('caseKind', c.kind)}` },
      { label: code('field', 'assignedOn'), value: (c) => c.assignedOn },
      { label: code('field', 'status'), value: (c) => `${code('caseStatus', c.status)}${c.closedOn ? ` ${c.closedOn}` : ''}` },
      { label: code('field', 'description'), value: (c) => c.description },
    ], tenure.inspectionCases)] : null);
}

function factTable(title, rows, columns, officialId, sequenceOf) {
  if (!rows || rows.length === 0) {
    return null;
  }
  return section(title, table([
    { label: t('common.sequence'), value: (row) => entryLink(officialId, sequenceOf(row)) },
    ...columns,
    {
      label: t('official.corrections'),
      value: (row) => (row.correctedBy && row.correctedBy.length
        ? t('official.correctedBy', row.correctedBy.join(', ')) : ''),
    },
  ], rows, { rowAttributes: (row) => seqs(sequenceOf(row), row.correctedBy || []) }));
}

function dossierSections(dossier, officialId) {
  const f = (name) => code('field', name);
  return [
    postsSection(dossier, officialId, dossier.viewDate),
    factTable(t('official.summons'), dossier.summons, [
      { label: f('occurredOn'), value: (r) => r.occurredOn },
      { label: f('by'), value: (r) => r.by },
      { label: f('reason'), value: (r) => r.reason },
      { label: f('rectificationDeadline'), value: (r) => r.rectificationDeadline || '' },
    ], officialId, (r) => r.sequence),
    factTable(t('official.listedProblems'), dossier.listedProblems, [
      { label: f('occurredOn'), value: (r) => r.occurredOn },
      { label: f('problemId'), value: (r) => r.problemId },
      { label: f('jurisdictionCode'), value: (r) => placeLabel(r.jurisdictionCode, r.occurredOn) },
      { label: f('description'), value: (r) => r.description },
    ], officialId, (r) => r.sequence),
    factTable(t('official.assessments'), dossier.assessments, [
      { label: f('year'), value: (r) => String(r.year) },
      { label: f('grade'), value: (r) => named('grade', r.grade) },
      { label: f('conditions'), value: (r) => (r.conditions || []).join(', ') },
      {
        label: t('common.article'),
        value: (r) => h('span', { class: r.awardEligible ? 'tag' : 'tag tag-bad' },
          t(r.awardEligible ? 'official.awardEligible' : 'official.notAwardEligible'), ` · ${r.article} · ${r.ruleSet}`),
      },
    ], officialId, (r) => r.sequence),
    factTable(t('official.oneVetoes'), dossier.oneVetoes, [
      { label: f('year'), value: (r) => String(r.year) },
      { label: f('unit'), value: (r) => r.unit },
      { label: f('capacity'), value: (r) => named('capacity', r.capacity) },
      { label: f('reason'), value: (r) => r.reason },
    ], officialId, (r) => r.sequence),
    dossier.accountabilityCases.length ? section(t('official.accountability'), table([
      { label: f('caseId'), value: (c) => c.caseId },
      {
        label: code('entryType', 'ACCOUNTABILITY_REFERRED'),
        value: (c) => h('ul', { class: 'plain' }, c.referrals.map((r) => h('li', {}, entryLink(officialId, r.sequence),
          ` ${r.occurredOn} → ${r.referredTo}：${r.reason}`))),
      },
      {
        label: code('entryType', 'ACCOUNTABILITY_DECIDED'),
        value: (c) => (c.decision ? [entryLink(officialId, c.decision.sequence), ` ${c.decision.occurredOn} `,
          named('outcome', c.decision.outcome)] : h('span', { class: 'tag tag-bad' }, t('official.open'))),
      },
    ], dossier.accountabilityCases, {
      rowAttributes: (c) => seqs(c.referrals.map((r) => r.sequence), c.decision ? c.decision.sequence : null),
    })) : null,
    factTable(t('official.lifetime'), dossier.lifetimeCases, [
      { label: f('caseId'), value: (r) => r.caseId },
      { label: f('postId'), value: (r) => r.postId },
      { label: f('damageOccurredOn'), value: (r) => r.damageOccurredOn },
      { label: f('description'), value: (r) => r.description },
      { label: code('field', 'status'), value: (r) => h('span', { class: r.open ? 'tag tag-bad' : 'tag' }, t(r.open ? 'official.open' : 'official.decided')) },
    ], officialId, (r) => r.sequence),
    factTable(t('official.departureAudits'), dossier.departureAudits, [
      { label: f('occurredOn'), value: (r) => r.occurredOn },
      { label: f('postId'), value: (r) => r.postId },
      { label: f('conclusion'), value: (r) => r.conclusion },
      { label: f('findings'), value: (r) => (r.findings || []).join('；') },
    ], officialId, (r) => r.sequence),
    factTable(t('official.letters'), dossier.responsibilityLetters, [
      { label: f('year'), value: (r) => String(r.year) },
      { label: f('letterId'), value: (r) => r.letterId },
      { label: f('keyTasks'), value: (r) => (r.keyTasks || []).join('；') },
    ], officialId, (r) => r.sequence),
    dossier.corrections.length ? section(t('official.corrections'), table([
      { label: t('common.sequence'), value: (c) => entryLink(officialId, c.sequence) },
      { label: f('correctsSequence'), value: (c) => [entryLink(officialId, c.correctsSequence), ' ', named('entryType', c.correctedType)] },
      { label: f('reason'), value: (c) => c.reason },
      { label: f('approvedBy'), value: (c) => c.approvedBy },
      { label: f('occurredOn'), value: (c) => c.occurredOn },
      { label: code('field', 'status'), value: (c) => (c.inForce ? '✓' : '—') },
    ], dossier.corrections, { rowAttributes: (c) => seqs(c.sequence) })) : null,
  ];
}

function accessLog(officialId, zone) {
  const body = h('div', {});
  const button = h('button', {
    type: 'button',
    on: {
      click: async () => {
        replace(body, loading());
        try {
          const lines = await getJson(`api/v1/access-log${query({ officialId })}`);
          replace(body, table([
            { label: t('official.who'), value: (line) => line.who },
            { label: t('official.when'), value: (line) => wallClock(zone, line.when) },
            { label: t('official.what'), value: (line) => line.what },
            { label: t('official.why'), value: (line) => line.purpose || '' },
          ], lines.slice().reverse()));
        } catch (e) {
          replace(body, problemMessage(e));
        }
      },
    },
  }, t('official.accessLogShow'));
  return section(t('official.accessLog'), button, body);
}

/** Marks the items that show entry `sequence` (a review's flag links here) and returns the first of them. */
function markSequence(view, sequence) {
  const matches = Array.from(view.querySelectorAll('[data-seqs]'))
    .filter((element) => element.dataset.seqs.split(' ').includes(String(sequence)));
  const timelineItem = view.querySelector(`#entry-${sequence}`);
  const ordered = timelineItem ? [timelineItem, ...matches.filter((m) => m !== timelineItem)] : matches;
  ordered.forEach((element) => element.classList.add('highlight'));
  const first = ordered[0];
  if (first) {
    first.classList.add('seq-target');
    first.setAttribute('tabindex', '-1');
    first.setAttribute('aria-label', `${t('official.highlight')}: ${t('common.entry', sequence)}`);
  }
  return first;
}

export async function render(view, { args: [officialId], params, navigate }) {
  const user = session.user();
  const zone = user.ledgerZone;
  const readsDossier = session.hasRole('ORGANIZATION', 'DISCIPLINE');
  const readsEntries = session.hasRole('AUDITOR', 'DISCIPLINE');
  const asOfDate = params.get('asOf') || '';
  const at = params.get('at') || '';
  const asOf = asOfDate ? (at ? instantIn(zone, asOfDate, at) : asOfDate) : null;
  const title = pageTitle(officialId);
  const subtitle = h('p', { class: 'subtitle' });
  const actions = h('div', { class: 'page-actions' },
    readsDossier ? h('a', { class: 'button', href: `#/review/${seg(officialId)}` }, t('official.review')) : null,
    session.hasRole('RECORDER', 'ORGANIZATION', 'DISCIPLINE')
      ? h('a', { class: 'button', href: `#/record?${new URLSearchParams({ official: officialId })}` }, t('official.append'))
      : null);
  const body = h('div', { class: 'official-body' }, loading());
  view.append(title, subtitle, actions, asOfForm(params, navigate, officialId, zone),
    downloads(officialId, asOf, readsDossier, readsEntries), body);
  subtitle.textContent = asOf ? t('official.asOfShown', at ? `${asOfDate} ${at}` : asOfDate) : t('official.asOfNow');
  if (asOfDate && at && !asOf) {
    replace(body, notice('error', t('official.asOfBadTime')));
    return;
  }
  const purpose = session.purpose();
  const base = `api/v1/officials/${seg(officialId)}`;
  const settle = (promise) => promise.then((value) => ({ value }), (error) => ({ error }));
  const [dossier, entries, badge] = await Promise.all([
    readsDossier ? settle(getJson(`${base}/dossier${query({ asOf })}`, { purpose })) : null,
    readsEntries ? settle(allEntries(base, asOf, purpose)) : null,
    readsEntries ? settle(verificationBadge(officialId)) : null,
  ]);
  const parts = [];
  const nothingThen = (result) => result && result.error instanceof ApiError && result.error.status === 404 && asOf;
  if (badge) {
    parts.push(badge.error ? problemMessage(badge.error) : badge.value);
  }
  if (nothingThen(dossier) || (!dossier && nothingThen(entries))
      || (entries && entries.value && entries.value.length === 0)) {
    parts.push(notice('info', t('official.nothingThen')));
  } else {
    if (dossier && dossier.value) {
      const d = dossier.value;
      title.textContent = `${d.name} · ${officialId}`;
      parts.push(h('p', { class: 'head-line' }, t('official.headSequence', d.headSequence),
        d.headHash ? [' · ', `${t('official.headHash')}: `, hashText(d.headHash)] : null),
      dossierSections(d, officialId));
    } else if (dossier && dossier.error) {
      parts.push(problemMessage(dossier.error));
    } else if (!readsDossier) {
      parts.push(notice('info', t('official.dossierRole')));
    }
    if (entries && entries.value) {
      const registration = entries.value.find((entry) => entry.type === 'REGISTERED');
      if (!dossier && registration && registration.payload.name) {
        title.textContent = `${registration.payload.name} · ${officialId}`;
      }
      parts.push(timeline(entries.value, zone));
    } else if (entries && entries.error && !(dossier && dossier.error)) {
      parts.push(problemMessage(entries.error));
    } else if (!readsEntries) {
      parts.push(notice('info', t('official.timelineRole')));
    }
  }
  if (session.hasRole('DISCIPLINE')) {
    parts.push(accessLog(officialId, zone));
  }
  replace(body, parts);
  // Links to an entry of this same record mark it in place: no new read (each read is logged).
  body.addEventListener('click', (event) => {
    const link = event.target.closest('a.seq-link, a.jump');
    if (!link || !body.contains(link)) {
      return;
    }
    event.preventDefault();
    body.querySelectorAll('.highlight, .seq-target').forEach((element) => {
      element.classList.remove('highlight', 'seq-target');
    });
    const target = markSequence(body, link.dataset.seq);
    if (target) {
      target.focus();
    }
  });
  if (params.get('seq') !== null) {
    markSequence(body, params.get('seq'));
  }
}
