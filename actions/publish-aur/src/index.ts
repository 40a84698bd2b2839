import { runPublishAction } from '../../publish/src/run-publish.js';

await runPublishAction('publish-aur', 'aur');
