/**
 * import() of a package kept out of the bundle (chokidar is an ES module; pdf-lib loads only for
 * proofs and imposition). bin/banmian.js runs the bundle as a script compiled from V8's code cache,
 * and Node gives such a script's own import() no module loader, so the launcher lends its import()
 * as `globalThis.__banmianImport`. Run from source (the tests), the module's own import() serves.
 */
export function importPackage<T>(name: string): Promise<T> {
  const lent = (globalThis as { __banmianImport?: (name: string) => Promise<unknown> }).__banmianImport;
  return (lent ? lent(name) : import(name)) as Promise<T>;
}
