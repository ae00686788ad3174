// The HTTP API, as the signed-in user. Every request carries the user's credentials explicitly and says it comes
// from a script (X-Requested-With), so a 401 never makes the browser show its own sign-in dialog.

import { session } from './session.js';

/** An answer that is not 2xx: its status and the RFC 9457 problem detail (or what stood in for it). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** The field problems, {field, message}, of a 400 or 409. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

let unauthorized = () => {};

/** What to do when the signed-in user's credentials stop working (sign out, show the sign-in page). */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch (e) {
      // fall through
    }
  }
  return { status: response.status, title: `HTTP ${response.status}`, detail: response.statusText || '' };
}

/**
 * Sends a request; resolves to the Response of a 2xx answer, rejects with an ApiError otherwise.
 * options: method, body (sent as JSON), accept, authorization (instead of the session's), idempotencyKey, purpose.
 */
export async function send(path, options = {}) {
  const headers = { Accept: options.accept || 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  const authorization = options.authorization || session.authorization();
  if (authorization) {
    headers.Authorization = authorization;
  }
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (options.idempotencyKey) {
    headers['Idempotency-Key'] = options.idempotencyKey;
  }
  if (options.purpose) {
    headers['X-Purpose'] = encodeURIComponent(options.purpose);
  }
  let response;
  try {
    response = await fetch(path, {
      method: options.method || 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'omit', // nothing the browser holds on its own: no cookies, no cached Basic password
      cache: 'no-store',
      redirect: 'error',
    });
  } catch (e) {
    throw new ApiError(0, { title: 'network', detail: String(e.message || e) });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && !options.authorization && session.signedIn()) {
      unauthorized();
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

/** GET (or options.method) and parse the JSON answer. */
export async function getJson(path, options = {}) {
  const response = await send(path, options);
  return response.status === 204 ? null : response.json();
}

/** POST a JSON body; resolves to {status, body, location}. */
export async function postJson(path, body, options = {}) {
  const response = await send(path, { ...options, method: 'POST', body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, location: response.headers.get('Location') };
}

/** A fresh Idempotency-Key (random, 128 bits in hex). */
export function newIdempotencyKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `console-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Downloads an answer as a file: the request carries the credentials, so a plain link cannot; the answer is saved
 * through an object URL. Resolves to the file name used.
 */
export async function download(path, accept, fileName, options = {}) {
  const response = await send(path, { ...options, accept });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return fileName;
}

/** encodeURIComponent for a path segment. */
export const seg = encodeURIComponent;

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
