// 履职情况图: per period, what the rule set required and what was done, as bars drawn in SVG by this code (no
// library). Each chart has its numbers on the bars, a title per bar for screen readers, and the same data as a
// table underneath.

import { h, s, uid } from './dom.js';
import { t, code } from './i18n.js';
import { table } from './ui.js';

const GROUP = 56; // width of one period
const BAR = 18;
const PLOT = 120; // height of the bars' area
const TOP = 18; // room for the numbers above the bars
const BOTTOM = 34; // room for the period labels
const LEFT = 30;

/**
 * What a period's bars show: for a count, entries required and done; for a share of working days, days required
 * (rounded up) and days reported. null when the period is not judged by entries (written reports).
 */
export function barValues(period) {
  if (period.status === 'NOT_RECORDABLE') {
    return null;
  }
  if (period.requiredShare) {
    const working = period.workingDays ?? 0;
    const required = Math.ceil((working * period.requiredShare.numerator) / period.requiredShare.denominator);
    return { required, done: period.days ?? 0, unit: 'days' };
  }
  return { required: period.requiredCount ?? 0, done: period.done, unit: 'entries' };
}

function describe(period, values) {
  const status = code('dutyStatus', period.status);
  return `${period.label}：${t('chart.required')} ${values.required}，${t('chart.done')} ${values.done}，${status}`;
}

/** One chart: the periods of one duty (one rule of the rule set) of one tenure. */
export function dutyChart(periods) {
  const first = periods[0];
  const judged = periods.filter((period) => barValues(period));
  const captionId = uid('chart');
  const met = periods.filter((period) => period.status === 'MET').length;
  const missed = periods.filter((period) => period.status === 'MISSED').length;
  const title = `${code('duty', first.duty)} · ${first.article} · ${first.ruleSet}`;
  const caption = h('figcaption', { id: captionId },
    h('strong', {}, title),
    h('span', { class: 'chart-rule' }, first.description, ` (${first.required})`),
    h('span', { class: 'chart-summary' }, t('chart.summary', code('duty', first.duty), periods.length, met, missed)));
  const figure = h('figure', { class: 'chart', dataset: { rule: first.ruleCode } }, caption);
  if (judged.length > 0) {
    const max = Math.max(1, ...judged.map((period) => {
      const values = barValues(period);
      return Math.max(values.required, values.done);
    }));
    const width = LEFT + judged.length * GROUP + 8;
    const height = TOP + PLOT + BOTTOM;
    const y = (value) => TOP + PLOT - Math.round((value / max) * PLOT);
    const svg = s('svg', {
      class: 'duty-chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
      'aria-labelledby': captionId,
    },
    s('line', { class: 'axis', x1: LEFT - 4, y1: TOP + PLOT, x2: width - 4, y2: TOP + PLOT }),
    s('text', { class: 'tick', x: LEFT - 8, y: TOP + PLOT, 'text-anchor': 'end' }, '0'),
    s('text', { class: 'tick', x: LEFT - 8, y: y(max) + 4, 'text-anchor': 'end' }, String(max)),
    judged.map((period, index) => {
      const values = barValues(period);
      const x = LEFT + index * GROUP + 6;
      const bar = (kind, value, offset) => {
        const top = y(value);
        return s('g', { class: `bar bar-${kind}` },
          s('rect', { x: x + offset, y: top, width: BAR, height: Math.max(value > 0 ? 1 : 0, TOP + PLOT - top) }),
          s('text', { class: 'bar-value', x: x + offset + BAR / 2, y: top - 4, 'text-anchor': 'middle' },
            String(value)));
      };
      return s('g', {
        class: ['period', `status-${period.status}`],
        dataset: { period: period.label, required: values.required, done: values.done, status: period.status },
      },
      s('title', {}, describe(period, values)),
      bar('required', values.required, 0),
      bar('done', values.done, BAR + 2),
      s('text', { class: 'period-label', x: x + BAR + 1, y: TOP + PLOT + 14, 'text-anchor': 'middle' }, period.label),
      s('text', { class: 'period-status', x: x + BAR + 1, y: TOP + PLOT + 28, 'text-anchor': 'middle' },
        period.status === 'MET' ? '✓' : period.status === 'MISSED' ? '✗' : '…'));
    }));
    figure.append(h('div', { class: 'chart-scroll', tabindex: '0', 'aria-label': title }, svg),
      h('p', { class: 'legend', 'aria-hidden': 'true' },
        h('span', { class: 'key key-required' }), t('chart.required'), ' ',
        h('span', { class: 'key key-done' }), t('chart.done'), ' ✓ ', code('dutyStatus', 'MET'), ' ✗ ',
        code('dutyStatus', 'MISSED'), ' … ', code('dutyStatus', 'IN_PROGRESS'), ' / ', code('dutyStatus', 'NOT_OWED')));
  }
  figure.append(h('details', { class: 'chart-table' }, h('summary', {}, t('common.dataTable')),
    table([
      { label: t('chart.period'), value: (period) => `${period.label} (${period.start} – ${period.end})` },
      { label: t('chart.required'), value: (period) => period.required },
      {
        label: t('chart.done'),
        value: (period) => (period.requiredShare ? t('chart.days', period.days ?? 0, period.workingDays ?? 0)
          : String(period.done)),
      },
      { label: t('chart.status'), value: (period) => code('dutyStatus', period.status) },
      { label: t('common.sequence'), value: (period) => period.sequences.join(', ') },
    ], periods)));
  return figure;
}

/** The charts of a tenure's duties, one per rule, in the order the rules first appear. */
export function dutyCharts(duties) {
  const byRule = new Map();
  for (const period of duties) {
    if (!byRule.has(period.ruleCode)) {
      byRule.set(period.ruleCode, []);
    }
    byRule.get(period.ruleCode).push(period);
  }
  return Array.from(byRule.values(), (periods) => dutyChart(periods));
}
