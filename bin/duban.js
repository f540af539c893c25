#!/usr/bin/env node
// The CLI runs from the compiled output that `npm install` (prepare) and `npm run build` write.
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (fs.existsSync(entry)) {
  require(entry);
} else {
  console.error('duban: not built yet; run `npm run build` first');
  process.exitCode = 1;
}
