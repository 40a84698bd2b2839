/**
 * Registry authentication as Docker does it: try the request; on a 401 read the
 * `WWW-Authenticate` challenge; for `Basic` send the credentials, for `Bearer` ask the
 * challenge's realm for a token of the scopes we need (with Basic credentials when we have
 * them, anonymously otherwise) and send that. Tokens are cached per scope set until shortly
 * before they expire.
 */
import { jsonAnswer } from '@deploy-actions/action-kit/answer';
import { RegistryError } from '@deploy-actions/action-kit/errors';
import { basicAuth, type HttpClient } from '@deploy-actions/action-kit/http';
import { addSecret } from '@deploy-actions/action-kit/secrets';

export interface Challenge {
  /** Lower-case: basic, bearer. */
  scheme: string;
  params: Record<string, string>;
}

/**
 * Parse a `WWW-Authenticate` header (RFC 7235): `Bearer realm="…",service="…",scope="…"`.
 * Quoted values may hold commas and escaped quotes; parameter names are lower-cased. Only
 * the first challenge is read: registries send one.
 */
export function parseWwwAuthenticate(header: string | null | undefined): Challenge | undefined {
  if (!header) return undefined;
  const match = /^\s*([A-Za-z][\w!#$%&'*+.^`|~-]*)\s*(.*)$/s.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  const re = /\s*([\w!#$%&'*+.^`|~-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*(?:,|$)/gy;
  const rest = match[2];
  let m: RegExpExecArray | null;
  while (re.lastIndex < rest.length && (m = re.exec(rest))) {
    params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
  }
  return { scheme: match[1].toLowerCase(), params };
}

export interface Credentials {
  username: string;
  password: string;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

/** Scopes in the form the token endpoint takes: `repository:acme/app:pull,push`. */
export const pullScope = (repository: string) => `repository:${repository}:pull`;
export const pushScope = (repository: string) => `repository:${repository}:pull,push`;

export class RegistryAuth {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly pending = new Map<string, Promise<string>>();
  /** Set once the registry asked for Basic: later requests send it up front. */
  private basicKnown = false;

  constructor(
    private readonly http: HttpClient,
    /** How reports name the registry, e.g. ghcr.io. */
    private readonly registryName: string,
    private readonly credentials?: Credentials,
  ) {
    addSecret(credentials?.password);
  }

  get hasCredentials(): boolean {
    return this.credentials !== undefined;
  }

  /** The Authorization header to send up front for `scopes`, if we already know one. */
  cached(scopes: string[]): string | undefined {
    if (this.basicKnown && this.credentials)
      return basicAuth(this.credentials.username, this.credentials.password);
    const hit = this.tokens.get(scopes.join(' '));
    if (hit && hit.expiresAt > Date.now()) return `Bearer ${hit.token}`;
    return undefined;
  }

  /** Forget what was cached for `scopes` (the registry refused it). */
  forget(scopes: string[]): void {
    this.tokens.delete(scopes.join(' '));
  }

  /** Answer a 401 challenge: the Authorization header to retry with. */
  async answer(challengeHeader: string | null, scopes: string[]): Promise<string> {
    const challenge = parseWwwAuthenticate(challengeHeader);
    if (challenge?.scheme === 'basic') {
      if (!this.credentials) throw this.needCredentials();
      this.basicKnown = true;
      return basicAuth(this.credentials.username, this.credentials.password);
    }
    if (challenge?.scheme === 'bearer' && challenge.params.realm) {
      // Requests sent together share one token request instead of each asking.
      const key = scopes.join(' ');
      let pending = this.pending.get(key);
      if (!pending) {
        pending = this.fetchToken(challenge, scopes).finally(() => this.pending.delete(key));
        this.pending.set(key, pending);
      }
      return `Bearer ${await pending}`;
    }
    throw new RegistryError(
      this.registryName,
      `asked for authentication this client does not speak (${challengeHeader ? challengeHeader.split(/\s/)[0] : 'no WWW-Authenticate header'})`,
      'Docker registries use Basic or Bearer token authentication; check the registry URL.',
      401,
    );
  }

  private needCredentials(): RegistryError {
    return new RegistryError(
      this.registryName,
      'requires credentials and none were given',
      'Set username (or DOCKER_USERNAME) and the password or token (token input or DOCKER_PASSWORD).',
      401,
    );
  }

  private async fetchToken(challenge: Challenge, scopes: string[]): Promise<string> {
    const realm = new URL(challenge.params.realm);
    if (challenge.params.service) realm.searchParams.set('service', challenge.params.service);
    // Our scopes, not only the challenge's: a push needs pull,push, a mount pull on the source too.
    const wanted = scopes.length ? scopes : challenge.params.scope ? [challenge.params.scope] : [];
    for (const scope of wanted) realm.searchParams.append('scope', scope);
    if (this.credentials) realm.searchParams.set('account', this.credentials.username);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.credentials)
      headers.authorization = basicAuth(this.credentials.username, this.credentials.password);
    const res = await this.http.request({ url: realm, headers });
    if (res.status === 401 || res.status === 403) {
      throw new RegistryError(
        this.registryName,
        this.credentials
          ? `the token service ${realm.host} refused the credentials of user '${this.credentials.username}' (HTTP ${res.status})`
          : `the token service ${realm.host} refused anonymous access (HTTP ${res.status})`,
        this.credentials
          ? 'Check username / DOCKER_USERNAME and the password or access token (DOCKER_PASSWORD); a token needs the read and write scopes of this repository.'
          : 'Set username (or DOCKER_USERNAME) and a password or token (DOCKER_PASSWORD).',
        res.status,
      );
    }
    if (!res.ok)
      throw new RegistryError(
        this.registryName,
        `the token service ${realm.host} answered HTTP ${res.status}`,
        undefined,
        res.status,
      );
    const body = jsonAnswer<{ token?: string; access_token?: string; expires_in?: number }>(
      res,
      { 'token?': 'string', 'access_token?': 'string', 'expires_in?': 'number' },
      { what: 'a registry token', registry: this.registryName },
    );
    const token = body.token || body.access_token;
    if (!token)
      throw new RegistryError(this.registryName, `the token service ${realm.host} answered without a token`);
    addSecret(token);
    // The spec's default lifetime is 60 s; keep a margin so a token never expires in flight.
    const lifetime = Math.max(10, body.expires_in ?? 60) * 1000;
    this.tokens.set(scopes.join(' '), { token, expiresAt: Date.now() + lifetime - 5_000 });
    return token;
  }
}
