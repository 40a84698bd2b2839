/**
 * Every secret the process has read. Masking tells the runner to hide it; redaction is our own
 * second line of defence for anything we print or write ourselves.
 *
 * A registry can echo a credential back in another form than the one we hold: JSON-escaped in
 * an error body, URL-encoded in a URL, or base64-encoded inside the Basic `Authorization`
 * header it was sent in (`__token__:pypi-…`). Each secret is therefore registered with those
 * encodings too, the way the runner's own secret masker does, and every form is masked and
 * redacted.
 */
const known = new Set<string>();
/** The known forms, longest first, so that `user:pass` is redacted before `pass` alone. */
let ordered: string[] | undefined;
let onAdd: ((secret: string) => void) | undefined;

/** Forms shorter than this are too common in ordinary text to redact. */
const MIN_LENGTH = 4;

/**
 * User names our publishers (and a URL's userinfo) pair a secret with in Basic auth. The base64
 * of `user:secret` is registered whole for each, so the runner masks the complete header value.
 */
const basicUsers = new Set(['__token__']);

function remember(value: string): void {
  if (value.length < MIN_LENGTH || known.has(value)) return;
  known.add(value);
  ordered = undefined;
  onAdd?.(value);
}

/**
 * The base64 of `value` as it appears inside any longer base64 text: for each of the three
 * alignments the value can start at, the characters that depend only on the value's bytes.
 */
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (let skip = 0; skip < 3; skip++) {
    const whole = Math.floor((bytes.length - skip) / 3) * 3;
    if (whole <= 0) continue;
    const core = bytes.subarray(skip, skip + whole);
    cores.push(core.toString('base64'), core.toString('base64url'));
  }
  return cores;
}

/** The forms a registry could echo `value` back in. */
export function encodings(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const uri = encodeURIComponent(value);
  const forms = [
    value,
    json,
    json.replace(/\//g, '\\/'),
    // Every non-ASCII character as \uXXXX, as Python's json.dumps writes it.
    json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    uri,
    uri.replace(/%[0-9A-F]{2}/g, (s) => s.toLowerCase()),
    uri.replace(/%20/g, '+'),
    encodeURI(value),
    ...base64Cores(Buffer.from(value, 'utf8')),
  ];
  for (const user of basicUsers) {
    const pair = Buffer.from(`${user}:${value}`, 'utf8');
    forms.push(pair.toString('base64'), pair.toString('base64url'));
  }
  return [...new Set(forms)];
}

/**
 * Register a secret with its encodings; the runner is told to mask each (once wired by the
 * action kit). `user`: the name it is sent with in Basic auth, if any.
 */
export function addSecret(secret: string | undefined, user?: string): void {
  if (!secret) return;
  if (user) {
    basicUsers.add(user);
    remember(`${user}:${secret}`);
  }
  for (const part of [secret, ...secret.split(/\r?\n/)]) {
    const value = part.trim();
    if (value.length < MIN_LENGTH) continue;
    for (const form of encodings(value)) remember(form);
  }
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * Register the credentials a URL carries (`https://user:password@host/`): the password, the
 * `user:password` pair, their encodings. An http(s) URL with only a user name carries a token
 * there (`https://TOKEN@host/`), so that is registered too. Call it as soon as a URL is read.
 */
export function addUrlCredentials(url: string | URL): void {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return;
  }
  const user = decode(parsed.username);
  const password = decode(parsed.password);
  // The decoded value with its encodings, and the forms written in the URL as they are.
  if (password) {
    addSecret(password, user || undefined);
    remember(parsed.password);
    if (user) remember(`${parsed.username}:${parsed.password}`);
  } else if (user && /^https?:$/.test(parsed.protocol)) {
    addSecret(user);
    remember(parsed.username);
  }
}

/**
 * A URL without its credentials, and the credentials (decoded, registered as secrets): what
 * to send instead as an `Authorization` header or hand a tool through its environment, so the
 * URL itself can be printed, put in argv or written to a file. Not a URL: returned as it is.
 */
export function splitUrlCredentials(url: string): { url: string; user?: string; password?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url };
  }
  if (!parsed.username && !parsed.password) return { url };
  addUrlCredentials(parsed);
  const user = decode(parsed.username);
  const password = decode(parsed.password);
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.href, user, password };
}

/**
 * `scheme://userinfo@`: credentials in a URL. Any userinfo of an http(s) URL is replaced (a user
 * name alone there is usually a token); for other schemes only `user:password` (so
 * `ssh://git@host` stays readable). JSON-escaped slashes (`http:\/\/`) are matched too.
 */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:(?:\/\/|\\\/\\\/))([^\s/\\?#@"'<>`]+)@/gi;

/** `text` with the credentials of every URL in it replaced by `***`. */
export function redactUrlCredentials(text: string): string {
  return text.replace(URL_USERINFO, (match, scheme: string, userinfo: string) =>
    /^https?:/i.test(scheme) || userinfo.includes(':') ? `${scheme}***@` : match,
  );
}

export function onSecretAdded(fn: (secret: string) => void): void {
  onAdd = fn;
  for (const secret of known) fn(secret);
}

/** Replace every known secret, in every registered form, and URL credentials with `***`. */
export function redact(text: string): string {
  ordered ??= [...known].sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of ordered) if (out.includes(secret)) out = out.split(secret).join('***');
  return redactUrlCredentials(out);
}

/** Whether `text` holds a known secret in any registered form. */
export function containsSecret(text: string): boolean {
  for (const secret of known) if (text.includes(secret)) return true;
  return false;
}
