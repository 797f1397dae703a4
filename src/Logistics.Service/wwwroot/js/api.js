// The pages' one way to the API: adds the signed-in key as a Bearer header, turns ProblemDetails into
// readable messages, and builds DOM with textContent only, so nothing from the API is ever parsed as HTML.

const KEY = 'logistics.apiKey';

export const apiKey = {
  get: () => sessionStorage.getItem(KEY),
  set: (token) => sessionStorage.setItem(KEY, token),
  clear: () => sessionStorage.removeItem(KEY),
};

/** An API error: the HTTP status and the ProblemDetails (title, detail, errors) when the body has one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problemText(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

function problemText(status, problem) {
  if (!problem) return `HTTP ${status}`;
  const lines = [problem.title || `HTTP ${status}`];
  if (problem.detail) lines.push(problem.detail);
  for (const [field, messages] of Object.entries(problem.errors || {})) {
    for (const message of [].concat(messages)) lines.push(`${field}: ${message}`);
  }
  return lines.join('\n');
}

/**
 * Calls the API. `json` is sent as JSON, `body` as is (a FormData or text); answers parsed JSON,
 * or the raw Response with `raw: true`. Throws ApiError for anything but 2xx.
 */
export async function api(path, { method = 'GET', json, body, headers = {}, raw = false, token = apiKey.get() } = {}) {
  const init = { method, headers: { ...headers } };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (body !== undefined) {
    init.body = body;
  }
  const response = await fetch(path, init);
  if (!response.ok) {
    let problem = null;
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      try { problem = await response.json(); } catch { /* a body that is not JSON after all */ }
    } else {
      const text = await response.text();
      if (text) problem = { title: `HTTP ${response.status}`, detail: text.slice(0, 500) };
    }
    if (response.status === 401) problem = { ...(problem || {}), title: 'Not signed in', detail: 'The API key is missing, unknown or revoked: sign in again on the start page.' };
    throw new ApiError(response.status, problem);
  }
  if (raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** Creates an element; strings among the children become text nodes (never HTML). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Shows an error (an ApiError's ProblemDetails, or any Error) in the page's message area. */
export function showError(error, where = document.getElementById('messages')) {
  console.error(error);
  const problem = error instanceof ApiError ? error.problem : null;
  const box = el('div', { class: 'message error', role: 'alert' },
    el('button', { class: 'close', title: 'Dismiss', 'aria-label': 'Dismiss', onclick: () => box.remove() }, '×'),
    el('strong', {}, problem?.title || error.message.split('\n')[0]));
  if (problem?.detail) box.append(el('div', {}, problem.detail));
  const errors = Object.entries(problem?.errors || {});
  if (errors.length) {
    box.append(el('ul', { class: 'field-errors' },
      errors.flatMap(([field, messages]) => [].concat(messages).map((m) => el('li', {}, el('code', {}, field), ' ', m)))));
  }
  where?.prepend(box);
  return box;
}

/** Shows a short success or status note that goes away by itself. */
export function showNote(text, where = document.getElementById('messages')) {
  const box = el('div', { class: 'message note', role: 'status' }, text);
  where?.prepend(box);
  setTimeout(() => box.remove(), 6000);
}

/** Runs an async action from a button: disables it meanwhile and shows any error. */
export async function guarded(button, action) {
  if (button) button.disabled = true;
  try {
    return await action();
  } catch (error) {
    showError(error);
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

/**
 * Downloads or opens something that needs the key (a CSV, a printable report): links cannot send
 * headers, so it is fetched with the header and handed to the browser as a blob.
 */
export async function openWithKey(path, { fileName, newWindow = false } = {}) {
  const response = await api(path, { raw: true });
  const url = URL.createObjectURL(await response.blob());
  if (newWindow) {
    window.open(url, '_blank', 'noopener');
  } else {
    const link = el('a', { href: url, download: fileName || path.split('/').pop() });
    document.body.append(link);
    link.click();
    link.remove();
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

let settingsPromise = null;

let settingsCache = null;

/** The API's form limits (FormLimits: maxDemoStores, maxCommentLength, …) once signedInPage has run. */
export const limits = () => settingsCache?.limits ?? {};

const LIMIT_ATTRIBUTES = { limitMin: 'min', limitMax: 'max', limitLength: 'maxlength' };

/** Sets min, max and maxlength of the fields marked data-limit-min / -max / -length="<name of a limit>" from
 * the API's limits, so a form allows exactly what the API accepts. */
function applyLimits(all, root = document) {
  if (!all) return;
  for (const field of root.querySelectorAll('[data-limit-min], [data-limit-max], [data-limit-length]')) {
    for (const [data, attribute] of Object.entries(LIMIT_ATTRIBUTES)) {
      const name = field.dataset[data];
      if (name && all[name] !== undefined) field.setAttribute(attribute, String(all[name]));
    }
  }
}

/** The key's name and role and the map settings; null when no key is stored. */
export function settings() {
  if (!apiKey.get()) return Promise.resolve(null);
  settingsPromise ??= api('api/web/settings').then((me) => { settingsCache = me; return me; });
  return settingsPromise;
}

/**
 * Fills the page header with who is signed in; sends the visitor to the start page when no key is
 * stored or the role may not use this page.
 */
export async function signedInPage(allowedRoles) {
  const header = document.getElementById('who');
  try {
    const me = await settings();
    if (!me) { location.href = 'index.html'; return null; }
    useTimeZone(me.timeZone);
    for (const name of document.querySelectorAll('.zone-name')) name.textContent = me.timeZone;
    applyLimits(me.limits);
    header?.replaceChildren(
      el('span', { class: 'zone', id: 'site-zone', title: 'Every date and time on this page is in the site\'s time zone, 24-hour clock' },
        `times in ${me.timeZone}`), ' ',
      el('span', { class: 'user' }, me.user), ' ', el('span', { class: `role role-${me.role}` }, me.role), ' ',
      el('button', { class: 'link', onclick: () => { apiKey.clear(); location.href = 'index.html'; } }, 'Sign out'));
    if (allowedRoles && !allowedRoles.includes(me.role)) {
      showError(new Error(`The key '${me.user}' has role '${me.role}'; this page needs ${allowedRoles.join(' or ')}.`));
      return null;
    }
    return me;
  } catch (error) {
    showError(error);
    if (error instanceof ApiError && error.status === 401) apiKey.clear();
    return null;
  }
}

// Every date and time on the pages is in the site's time zone (Site:TimeZone, from the settings), written
// the one way the API and the reports write them: ISO dates and a 24-hour clock, whatever the browser's
// locale and time zone. Intl gives the zone's wall time as parts, which are put together here by hand.
let siteZone = 'UTC';
let wallClock = null;

/** The site's IANA time zone, e.g. Asia/Shanghai. */
export const timeZone = () => siteZone;

function useTimeZone(zone) {
  siteZone = zone || 'UTC';
  wallClock = null;
}

function wallParts(date) {
  wallClock ??= new Intl.DateTimeFormat('en-US', {
    timeZone: siteZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  return Object.fromEntries(wallClock.formatToParts(date).map((p) => [p.type, p.value]));
}

const toDate = (value) => (value instanceof Date ? value : typeof value === 'number' ? new Date(value) : new Date(value));

/** An instant (ISO-8601 text, a Date or epoch milliseconds) as the site's wall time, "2026-11-22 08:15:30". */
export function siteTime(value, { seconds = true } = {}) {
  if (value === null || value === undefined || value === '') return '';
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const p = wallParts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
}

/** The site's date of an instant (default: now) as yyyy-MM-dd. */
export function siteDay(value = new Date()) {
  const p = wallParts(toDate(value));
  return `${p.year}-${p.month}-${p.day}`;
}

/** The site's wall time "yyyy-MM-dd HH:mm[:ss]" (a 'T' instead of the space is fine) as an ISO-8601 UTC instant;
 * throws an error naming `what` when the text is not such a time. Empty text gives ''. */
export function siteInstant(text, what) {
  const value = (text || '').trim();
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  const problem = () => new Error(`${what}: '${value}' is not a time as yyyy-mm-dd hh:mm (24-hour clock, ${siteZone}).`);
  if (!m) throw problem();
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x || 0));
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const offset = (at) => {
    const p = wallParts(new Date(at));
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - at;
  };
  let instant = wall - offset(wall);
  instant = wall - offset(instant); // across a change of offset (summer time), the offset at the instant itself
  if (siteTime(instant) !== `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6] || '00'}`) throw problem();
  return new Date(instant).toISOString();
}

/** "1 truck", "2 trucks"; `many` for irregular plurals. */
export function plural(count, one, many = `${one}s`) {
  return `${count} ${Number(count) === 1 ? one : many}`;
}

export function number(value, digits = 0) {
  return value === null || value === undefined || Number.isNaN(Number(value)) ? '' : Number(value).toFixed(digits);
}

/** The states a planning or forecast job ends in. */
export const FINISHED = ['succeeded', 'failed', 'cancelled'];

/**
 * Follows a job (planning or forecast) by polling `path` every `everyMs` until it ends: `show` gets every state
 * seen, `running` is called while it still runs. Resolves with the last state, or null once `stillWanted()` says
 * the page has moved on to another job.
 */
export async function followJob(path, { everyMs = 1000, stillWanted, show, running = () => {} }) {
  for (;;) {
    const job = await api(path);
    if (!stillWanted()) return null;
    show(job);
    if (FINISHED.includes(job.status)) return job;
    running(job);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
