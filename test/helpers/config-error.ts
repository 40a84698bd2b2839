/** The ConfigError that parsing a config text throws (any other error is thrown on). */
import { ConfigError } from '@deploy-actions/action-kit/errors';
import { parseConfig } from '@deploy-actions/release/config';

export async function configError(text: string): Promise<ConfigError> {
  try {
    await parseConfig(text, 'deploy.yml');
  } catch (caught) {
    if (caught instanceof ConfigError) return caught;
    throw caught;
  }
  throw new Error('parsed without error');
}
