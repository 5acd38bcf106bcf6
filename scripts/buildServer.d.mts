// Types for scripts/buildServer.mjs (a plain module: `npm start` runs it before any TypeScript loader exists).
export interface ServerBuild {
  /** The entry point, from the project's root, e.g. 'server/main.ts'. */
  entry: string;
  /** Where its bundle goes, from the project's root. */
  outDir: string;
}
export declare const SERVER_BUILD: ServerBuild;
/** Builds the entry unless its last build was made from the same files; resolves whether it built. */
export declare function ensureServerBuild(build?: ServerBuild): Promise<boolean>;
