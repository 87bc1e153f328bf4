// Decodes captured Sparkplug B payloads with the npm sparkplug-payload package and prints one JSON summary per
// payload, so that a CellPilot test can compare them with what Eclipse Tahu decodes.
//   node decode.js <folder>   (the folder holds manifest.json: [{"file": "...", "topic": "..."}])
'use strict';
const fs = require('fs');
const path = require('path');
const sparkplug = require('sparkplug-payload').get('spBv1.0');

function plain(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && typeof v.toNumber === 'function') return v.toNumber(); // protobufjs Long
  if (v instanceof Date) return v.getTime();
  return v;
}

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node decode.js <folder with manifest.json>');
  process.exit(2);
}
const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
const out = manifest.map((entry) => {
  const payload = sparkplug.decodePayload(fs.readFileSync(path.join(folder, entry.file)));
  return {
    file: entry.file,
    topic: entry.topic,
    seq: plain(payload.seq),
    timestamp: plain(payload.timestamp),
    metrics: (payload.metrics || []).map((m) => ({
      name: m.name === undefined ? null : m.name,
      alias: plain(m.alias),
      type: m.type,
      value: plain(m.value),
      isHistorical: m.isHistorical === true,
      isNull: m.isNull === true,
    })),
  };
});
process.stdout.write(JSON.stringify(out));
