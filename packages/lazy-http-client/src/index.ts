/**
 * What @actions/core imports from @actions/http-client, which it uses for one thing: the OIDC
 * token request of `getIDToken`. Imported as it is, http-client brings undici (440 KB bundled,
 * about 0.1 s of CPU to load) into the start of every action, OIDC or not. The root
 * package.json's `overrides` points core's (and only core's) http-client at this package, which
 * loads the real library, in its own bundle chunk, when a token is first requested.
 */
import type { HttpClient as RealHttpClient } from '@actions/http-client';

type Arguments = ConstructorParameters<typeof RealHttpClient>;

export class HttpClient {
  private readonly args: Arguments;

  constructor(...args: Arguments) {
    this.args = args;
  }

  /** The one method core's OIDC client calls. */
  async getJson<T>(...call: Parameters<RealHttpClient['getJson']>) {
    const { HttpClient: Real } = await import('@actions/http-client');
    return new Real(...this.args).getJson<T>(...call);
  }
}
