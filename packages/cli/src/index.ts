import { closeConnections } from '@deploy-actions/action-kit/http';
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
// Kept-alive connections are of no use past the command: close them so the process ends now.
closeConnections();
