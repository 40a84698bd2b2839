/**
 * The blue-green setup of the deploy tests: two colour apps (blue, green) behind a private
 * Debian nginx in the recommended route mode, and that router as the action's inputs and as
 * the config's `router:`.
 */
import { startColourApp, type ColourApp } from '../servers/colour-app.js';
import { startNginx, type RunningNginx } from './nginx.js';

export interface ColourNginx {
  blue: ColourApp;
  green: ColourApp;
  nginx: RunningNginx;
  /** nginx, then both apps. */
  stop(): Promise<void>;
}

export async function startColourNginx(): Promise<ColourNginx> {
  const [blue, green] = await Promise.all([startColourApp('blue'), startColourApp('green')]);
  let nginx: RunningNginx;
  try {
    nginx = await startNginx({ blue: blue.address, green: green.address });
  } catch (error) {
    await Promise.all([blue.stop(), green.stop()]);
    throw error;
  }
  return {
    blue,
    green,
    nginx,
    stop: async () => {
      await nginx.stop();
      await Promise.all([blue.stop(), green.stop()]);
    },
  };
}

type Router = Pick<ColourNginx, 'blue' | 'green' | 'nginx'>;

/** The nginx router as blue-green-switch inputs, with the commands that reload and test this nginx. */
export function nginxRouterInputs({ blue, green, nginx }: Router): Record<string, string> {
  return {
    router: 'nginx',
    'upstream-file': nginx.upstreamFile,
    blue: blue.address,
    green: green.address,
    'reload-command': nginx.reloadCommand.join(' '),
    'test-command': nginx.testCommand.join(' '),
  };
}

/** The same router as the config's `router:` under `deploy:` (indented by two spaces). */
export function nginxRouterConfig({ blue, green, nginx }: Router): string {
  return `  router:
    type: nginx
    upstream-file: ${nginx.upstreamFile}
    blue: ${blue.address}
    green: ${green.address}
    reload-command: ${nginx.reloadCommand.join(' ')}
    test-command: ${nginx.testCommand.join(' ')}
`;
}
