/**
 * The Snap Store's public info (`GET <api>/v2/snaps/info/<name>?fields=version,revision`,
 * `Snap-Device-Series: 16`): its `channel-map` lists, per channel and architecture, the version
 * released there. Published = this version is on the channel (for every architecture asked).
 */
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { jsonAnswer } from '@deploy-actions/action-kit/answer';
import type { HttpClient } from '@deploy-actions/action-kit/http';
import { isHighestStable, parseSemVer } from '@deploy-actions/version';
import type { ClientOptions, RegistryClient, TargetIdentity } from '../client-types.js';

export const DEFAULT_DASHBOARD = 'https://dashboard.snapcraft.io/';
export const DEFAULT_STORAGE = 'https://storage.snapcraftcontent.com/';
export const DEFAULT_API = 'https://api.snapcraft.io/';

const slash = (url: string) => url.replace(/\/*$/, '/');

/** The three store hosts; a `registry` set alone serves all three (a test or private store). */
export function storeUrls(settings: Record<string, unknown>) {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? slash(v.trim()) : undefined);
  const registry = text(settings.registry);
  return {
    dashboard: registry ?? DEFAULT_DASHBOARD,
    storage: text(settings['storage-url']) ?? registry ?? DEFAULT_STORAGE,
    api: text(settings['api-url']) ?? registry ?? DEFAULT_API,
  };
}

export interface ChannelEntry {
  /** e.g. stable, latest/stable, 2.0/beta */
  channel: string;
  architecture: string;
  version: string;
  revision: number;
}

/** `latest/stable` and `stable` are one channel. */
export const channelKey = (channel: string) => (channel.includes('/') ? channel : `latest/${channel}`);

export class SnapClient implements RegistryClient {
  readonly id: string;
  readonly registry: string;
  private readonly http: HttpClient;
  private map?: Promise<ChannelEntry[]>;

  constructor(
    readonly name: string,
    options: ClientOptions,
  ) {
    this.id = `snap:${name}`;
    this.registry = storeUrls({ registry: options.registry, ...options.target }).api;
    this.http = options.http;
  }

  /** The channel map; empty when the store has no such snap (or nothing released). */
  channelMap(): Promise<ChannelEntry[]> {
    this.map ??= (async () => {
      const url = `${this.registry}v2/snaps/info/${encodeURIComponent(this.name)}?fields=version,revision`;
      const res = await this.http.request({
        url,
        headers: { accept: 'application/json', 'Snap-Device-Series': '16' },
      });
      if (res.status === 404) return [];
      if (!res.ok)
        throw new RegistryError(
          'Snap Store',
          `reading ${url} failed with HTTP ${res.status}`,
          undefined,
          res.status,
        );
      const answer = jsonAnswer<{
        'channel-map'?: {
          channel: { name: string; track?: string; risk?: string; architecture: string };
          version?: string;
          revision?: number;
        }[];
      }>(
        res,
        {
          'channel-map?': [
            {
              channel: { name: 'string', 'track?': 'string', 'risk?': 'string', architecture: 'string' },
              'version?': 'string',
              'revision?': 'number',
            },
          ],
        },
        { what: 'a Snap Store info answer', registry: 'Snap Store' },
      );
      return (answer['channel-map'] ?? []).map((e) => ({
        channel: channelKey(
          e.channel.track && e.channel.risk ? `${e.channel.track}/${e.channel.risk}` : e.channel.name,
        ),
        architecture: e.channel.architecture,
        version: e.version ?? '',
        revision: e.revision ?? 0,
      }));
    })();
    return this.map;
  }

  async versions(): Promise<string[]> {
    return [...new Set((await this.channelMap()).map((e) => e.version).filter(Boolean))];
  }

  async exists(version: string): Promise<boolean> {
    return (await this.versions()).includes(version);
  }

  /** The highest stable version released to a channel. */
  async latest(): Promise<string | undefined> {
    const all = await this.versions();
    return all.find((v) => {
      const s = parseSemVer(v);
      return s && isHighestStable(s, all);
    });
  }

  url(): string {
    return `https://snapcraft.io/${encodeURIComponent(this.name)}`;
  }
}

export function createClient(name: string, options: ClientOptions): SnapClient {
  return new SnapClient(name, options);
}

export function identify(settings: Record<string, unknown>): TargetIdentity {
  const name = typeof settings.snap === 'string' ? settings.snap.trim() : '';
  if (!name) throw InputError.missing('snap', 'Set snap: to the registered snap name, e.g. acme.');
  const registry = typeof settings.registry === 'string' && settings.registry ? settings.registry : undefined;
  const target: Record<string, unknown> = {};
  for (const key of ['storage-url', 'api-url']) if (settings[key]) target[key] = settings[key];
  return { name, registry, target };
}
