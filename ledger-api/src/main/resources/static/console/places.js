// Names of places (行政区域) by code, as they stood on a date: GET /api/v1/jurisdictions/{code}?on=, cached.

import { h } from './dom.js';
import { getJson, seg, query, ApiError } from './api.js';

const cache = new Map();

/** The place {code, name, level, parentCode} on a date (today when none), or null when it did not exist then. */
export function placeOn(code, on) {
  const key = `${code}@${on || ''}`;
  if (!cache.has(key)) {
    cache.set(key, getJson(`api/v1/jurisdictions/${seg(code)}${query({ on })}`).catch((e) => {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) {
        return null;
      }
      cache.delete(key);
      throw e;
    }));
  }
  return cache.get(key);
}

/** Forget cached names (after an administrator registers or changes a place). */
export function forgetPlaces() {
  cache.clear();
}

/** The code, then its name on the date once known: 秦皇岛市 (130300000000). */
export function placeLabel(code, on) {
  const label = h('span', { class: 'place' }, h('code', {}, code));
  placeOn(code, on).then((place) => {
    if (place) {
      label.replaceChildren(`${place.name} `, h('code', {}, `(${code})`));
    }
  }).catch(() => {});
  return label;
}
