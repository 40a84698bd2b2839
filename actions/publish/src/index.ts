import { runPublishAction } from './run-publish.js';

await runPublishAction('publish');
