// Parse an Argdown file with the official @argdown/core and print its JSON export.
//
// Usage: node argdown-json.mjs FILE.argdown   (or "-" to read standard input)
//        node argdown-json.mjs --many          (a JSON array of texts on standard input,
//                                               a JSON array of outputs on standard output)
// Output: {"json": <the JSON export: statements, arguments, relations, sections, tags>,
//          "errors": [{"message", "line", "column"}...]}  on standard output.
// Used by argmap's Argdown round-trip tests (tests/test_io_argdown.py).
import { readFileSync } from "node:fs";
import {
  ArgdownApplication,
  ParserPlugin,
  DataPlugin,
  ModelPlugin,
  RegroupPlugin,
  JSONExportPlugin,
} from "@argdown/core";

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), "parse-input");
app.addPlugin(new DataPlugin(), "build-model");
app.addPlugin(new ModelPlugin(), "build-model");
app.addPlugin(new RegroupPlugin(), "build-model");
app.addPlugin(new JSONExportPlugin(), "export-json");

function exportJson(input) {
  const response = app.run({
    input,
    process: ["parse-input", "build-model", "export-json"],
    json: { exportMap: false, exportData: true, exportSections: true, exportTags: true,
            removeEmbeddedRelations: false, spaces: 0 },
    logLevel: "error",
    throwExceptions: false,
  });
  const errors = [];
  for (const e of [...(response.lexerErrors ?? []), ...(response.parserErrors ?? [])]) {
    errors.push({
      message: e.message,
      line: e.line ?? e.token?.startLine ?? null,
      column: e.column ?? e.token?.startColumn ?? null,
    });
  }
  for (const e of response.exceptions ?? []) {
    errors.push({ message: String(e.message ?? e), line: null, column: null });
  }
  return { json: JSON.parse(response.json ?? "{}"), errors };
}

if (process.argv[2] === "--many") {
  // a JSON array of Argdown texts on standard input; a JSON array of results out
  const inputs = JSON.parse(readFileSync(0, "utf8"));
  process.stdout.write(JSON.stringify(inputs.map(exportJson)));
} else {
  const path = process.argv[2] ?? "-";
  process.stdout.write(JSON.stringify(exportJson(readFileSync(path === "-" ? 0 : path, "utf8"))));
}
process.stdout.write("\n");
