// The service the demo deploys: answers /health and / with its colour and version.
// COLOUR, VERSION, PORT from the environment; BROKEN=1 makes /health fail (a bad release).
import { createServer } from 'node:http';

const { COLOUR = 'blue', VERSION = '0.0.0', PORT = '8081', BROKEN = '' } = process.env;
createServer((req, res) => {
  if (req.url === '/health' && BROKEN) return res.writeHead(500).end('unhealthy\n');
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ colour: COLOUR, version: VERSION }) + '\n');
}).listen(Number(PORT), '127.0.0.1');
