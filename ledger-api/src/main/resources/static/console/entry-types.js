// The fields of each entry type, as API.md names them (EntryType in ledger-core), with how the form asks for them.

import { spec } from './forms.js';

const post = spec('postId', 'text', { required: true });

export const ENTRY_FIELDS = {
  APPOINTED: [post, spec('jurisdictionCode', 'text', { inputmode: 'numeric' }), spec('departmentCode'),
    spec('role', 'select', { codes: 'postRole', required: true }),
    spec('responsibilityKind', 'select', { codes: 'responsibilityKind', required: true })],
  LEFT_POST: [post, spec('reason', 'select', { codes: 'leavingReason', required: true })],
  RESPONSIBILITY_LETTER_SIGNED: [spec('year', 'number', { required: true }), spec('letterId', 'text', { required: true }),
    spec('keyTasks', 'list', { required: true })],
  MEETING_HELD: [post, spec('body', 'select', { codes: 'meetingBody', required: true }),
    spec('topics', 'list', { required: true })],
  INSPECTION_LED: [post, spec('location', 'text', { required: true }), spec('findings', 'textarea', { required: true })],
  GRASSROOTS_DAYS_REPORTED: [post, spec('periodStart', 'date', { required: true }),
    spec('periodEnd', 'date', { required: true }), spec('days', 'number', { required: true }),
    spec('workingDays', 'number', { required: true })],
  SUMMONED: [spec('by', 'text', { required: true }), spec('reason', 'textarea', { required: true }),
    spec('rectificationDeadline', 'date')],
  SUPERVISION_LISTED: [spec('problemId', 'text', { required: true }),
    spec('jurisdictionCode', 'text', { required: true, inputmode: 'numeric' }),
    spec('description', 'textarea', { required: true })],
  ANNUAL_ASSESSMENT: [spec('year', 'number', { required: true }), spec('grade', 'select', { codes: 'grade', required: true }),
    spec('conditions', 'checks', { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] })],
  ONE_VETO: [spec('year', 'number', { required: true }), spec('unit', 'text', { required: true }),
    spec('capacity', 'select', { codes: 'capacity', required: true }), spec('reason', 'textarea', { required: true })],
  ACCOUNTABILITY_REFERRED: [spec('caseId', 'text', { required: true }), spec('reason', 'textarea', { required: true }),
    spec('referredTo', 'text', { required: true })],
  ACCOUNTABILITY_DECIDED: [spec('caseId', 'text', { required: true }),
    spec('outcome', 'select', { codes: 'outcome', required: true })],
  LIFETIME_ACCOUNTABILITY_OPENED: [spec('caseId', 'text', { required: true }), post,
    spec('damageOccurredOn', 'date', { required: true }), spec('description', 'textarea', { required: true })],
  DEPARTURE_AUDIT_COMPLETED: [post, spec('conclusion', 'textarea', { required: true }),
    spec('findings', 'list', { required: true })],
  CORRECTION: [spec('correctsSequence', 'number', { required: true }), spec('reason', 'textarea', { required: true }),
    spec('approvedBy', 'text', { required: true }), spec('replacement', 'json', { required: true })],
};

/** Fields every entry has: the date it occurred and the document number (文号). */
export const COMMON_FIELDS = [spec('occurredOn', 'date', { required: true }), spec('sourceDocument')];

/** Who may append which type (EntryPermissions); a CORRECTION whoever may append the corrected type. */
const APPENDERS = {
  ANNUAL_ASSESSMENT: ['ORGANIZATION'],
  ONE_VETO: ['ORGANIZATION'],
  ACCOUNTABILITY_REFERRED: ['DISCIPLINE'],
  ACCOUNTABILITY_DECIDED: ['DISCIPLINE'],
  LIFETIME_ACCOUNTABILITY_OPENED: ['DISCIPLINE'],
  CORRECTION: ['RECORDER', 'ORGANIZATION', 'DISCIPLINE'],
};

/** The types the roles may append, in API.md's order. */
export function typesFor(roles) {
  return Object.keys(ENTRY_FIELDS).filter((type) => (APPENDERS[type] || ['RECORDER']).some((role) => roles.includes(role)));
}
