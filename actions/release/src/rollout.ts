// Placeholder: the deploy stage is wired in when packages/deploy lands.
import type { HttpClient } from '@deploy-actions/action-kit/http';
import type { DeployConfig, DeployReport } from '@deploy-actions/release';

export async function rolloutFromConfig(_deploy: DeployConfig, _http: HttpClient): Promise<DeployReport> {
  throw new Error('the deploy stage is not available yet');
}
