import { runPublishAction } from '../../publish/src/run-publish.js';

await runPublishAction('publish-github-release', 'github-release');
