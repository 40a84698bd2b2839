// `node --import ./scripts/ts-loader.mjs file.ts`: run TypeScript from the source tree.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
