/**
 * Node 24 APIs the runner uses that @types/node 20 (the project's types) does not declare yet:
 * fs.globSync (stable since Node 22.17) and path.matchesGlob.
 */
export {};

declare module 'node:fs' {
  export function globSync(
    pattern: string | readonly string[],
    options?: { cwd?: string; exclude?: readonly string[] | ((name: string) => boolean) },
  ): string[];
}

declare module 'node:path' {
  export function matchesGlob(path: string, pattern: string): boolean;
}
