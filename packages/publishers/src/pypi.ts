// Placeholder until this publisher lands.
import type { Publish } from './types.js';

export const publish: Publish = async () => {
  throw new Error('this publisher is not implemented yet');
};
