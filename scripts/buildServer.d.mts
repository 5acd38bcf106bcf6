// Types for scripts/buildServer.mjs (a plain module: `npm start` runs it before any TypeScript loader exists).
export interface ServerBuild {
  /** The entry point, from the project's root, e.g. 'server/main.ts'. */
  entry: string;
  /** Where its bundle goes, from the project's root. */
  outDir: string;
  /** Commands compiled beside it (`<outDir>/<name>.js`), sharing its code. */
  commands?: string[];
}
/** Whether the build tools (devDependencies) are installed. */
export declare function canBuild(): boolean;
export declare const SERVER_BUILD: ServerBuild & { commands: string[] };
/** Builds the entry unless its last build was made from the same files; resolves whether it built. */
export declare function ensureServerBuild(build?: ServerBuild): Promise<boolean>;
/** The flags Node runs the compiled server with in production (`npm run serve`, the systemd unit, the tests and the bench). */
export declare const SERVER_NODE_FLAGS: readonly string[];
