#!/usr/bin/env node
// Validates JSON files against a JSON Schema (draft-07 or 2020-12) with Ajv, formats included.
// Usage: node validate-json.js SCHEMA FILE...   Exit 0 when every file is valid, 1 otherwise.
'use strict';
const fs = require('fs');
const addFormats = require('ajv-formats');

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error('usage: validate-json.js SCHEMA FILE...');
  process.exit(2);
}
const read = (path) => JSON.parse(fs.readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
const schema = read(schemaPath);
const Ajv = /2020-12/.test(schema.$schema || '') ? require('ajv/dist/2020') : require('ajv');
// strict: false — the published SARIF schema uses keywords Ajv's strict mode rejects (it is a
// valid schema all the same); allErrors: report everything wrong, not just the first.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
let failed = 0;
for (const file of files) {
  if (validate(read(file))) continue;
  failed++;
  for (const e of validate.errors) console.log(`${file}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}
process.exit(failed ? 1 : 0);
