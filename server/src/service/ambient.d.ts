/**
 * The only ambient names the pure core may use beyond ES2022 (tsconfig here loads no node, mocha or
 * vscode types). Both exist wherever the core runs (the LSP server, the CLI, tests):
 * - `require`, for libraries loaded on first use: esbuild leaves a module named in a literal require
 *   call unevaluated in the bundle until the call runs, which an `import` would not.
 * - `structuredClone`, to copy JSON schemas that a library rewrites in place.
 */
declare function require(id: string): unknown;
declare function structuredClone<T>(value: T): T;
