// The signed-in user, kept by this tab only (sessionStorage): the credentials are sent by the page itself, as an
// explicit Authorization header, never by the browser on its own (see docs/console.md, "CSRF").

const KEY = 'ledger.console.session';
const PURPOSE = 'ledger.console.purpose';

function utf8Base64(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  bytes.forEach((byte) => { binary += String.fromCharCode(byte); });
  return btoa(binary);
}

function read() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) || 'null');
  } catch (e) {
    return null;
  }
}

export const session = {
  /** The Authorization header value to send, or null when signed out. */
  authorization() {
    const current = read();
    return current ? current.authorization : null;
  },

  /** {name, roles, ledgerZone, today} of the signed-in user, or null. */
  user() {
    const current = read();
    return current ? current.user : null;
  },

  signedIn() {
    return read() !== null;
  },

  /** The header for a user name and password (HTTP Basic, UTF-8). */
  basic(name, password) {
    return `Basic ${utf8Base64(`${name}:${password}`)}`;
  },

  /** The header for a bearer token from the organization's sign-in service. */
  bearer(token) {
    return `Bearer ${token.trim()}`;
  },

  remember(authorization, user) {
    sessionStorage.setItem(KEY, JSON.stringify({ authorization, user }));
  },

  forget() {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(PURPOSE);
  },

  hasRole(...roles) {
    const user = read()?.user;
    return Boolean(user) && roles.some((role) => user.roles.includes(role));
  },

  /** 查阅事由: sent with every read of a record as X-Purpose, and written to the access log. */
  purpose() {
    return sessionStorage.getItem(PURPOSE) || '';
  },

  setPurpose(text) {
    if (text && text.trim()) {
      sessionStorage.setItem(PURPOSE, text.trim());
    } else {
      sessionStorage.removeItem(PURPOSE);
    }
  },
};
