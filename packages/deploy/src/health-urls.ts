/**
 * Health URLs that name a colour, for rollouts: `{colour}` becomes blue or green, `{address}`
 * the colour's own address (nginx: its first host:port; command: its blue/green setting). So
 * one URL probes the colour being rolled out, and, before a blue-green switch, the idle colour
 * at its own address while it takes no traffic.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import type { HealthOptions } from './health.js';
import type { Colour, RouterOptions } from './router/types.js';

const PLACEHOLDER = /\{(colou?r|address)\}/g;

export const namesColour = (url: string) => /\{(colou?r|address)\}/.test(url);

/** A URL with its placeholders filled by stand-ins, to check that the rest is a URL. */
export const sampleUrl = (url: string) =>
  url.replace(PLACEHOLDER, (_, key: string) => (key === 'address' ? '127.0.0.1:1' : 'blue'));

/** The colour's own address, when the router knows one an HTTP probe can use. */
export function colourAddress(router: RouterOptions, colour: Colour): string | undefined {
  if (router.type === 'nginx') return router[colour].find((address) => !address.startsWith('unix:'));
  if (router.type === 'command') return router[colour];
  return undefined;
}

export function fillColourUrl(url: string, router: RouterOptions, colour: Colour, name = 'url'): string {
  return url.replace(PLACEHOLDER, (_, key: string) => {
    if (key !== 'address') return colour;
    const address = colourAddress(router, colour);
    if (!address)
      throw InputError.bad(
        name,
        url,
        `uses {address}, but the ${router.type} router has no ${colour} address to put there`,
        router.type === 'command'
          ? `Set ${colour} to the colour's host:port.`
          : 'Use {colour} in a host name (e.g. http://app-{colour}.internal/health), or the address itself.',
      );
    return address;
  });
}

/** Refuse, before anything moves, a health URL whose placeholders this router cannot fill. */
export function checkColourUrls(
  health: HealthOptions | undefined,
  router: RouterOptions,
  name: string,
): void {
  for (const url of health?.urls ?? [])
    for (const colour of ['blue', 'green'] as const) fillColourUrl(url, router, colour, name);
}

/** The gate of a rollout to `colour`: every URL's placeholders filled for it. */
export function colourGate(health: HealthOptions, router: RouterOptions, colour: Colour): HealthOptions {
  return { ...health, urls: health.urls.map((url) => fillColourUrl(url, router, colour)) };
}

/**
 * The gate of the idle colour before a blue-green switch, at its own address: URLs that name
 * the colour, filled; with nginx, a URL that does not is sent to the colour's first address
 * (same path and query, plain http as nginx proxies it). Undefined when no URL can reach the
 * colour on its own. Prometheus and the window limits judge live traffic: not used here.
 */
export function idleColourGate(
  health: HealthOptions,
  router: RouterOptions,
  colour: Colour,
): HealthOptions | undefined {
  const urls: string[] = [];
  for (const url of health.urls) {
    if (namesColour(url)) urls.push(fillColourUrl(url, router, colour));
    else if (router.type === 'nginx') {
      const address = colourAddress(router, colour);
      const parsed = new URL(url);
      if (address) urls.push(`http://${address}${parsed.pathname}${parsed.search}`);
    }
  }
  if (!urls.length) return undefined;
  return { ...health, urls, prometheus: undefined, maxErrorRate: undefined, maxP95Ms: undefined };
}
