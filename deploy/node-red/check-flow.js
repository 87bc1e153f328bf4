// Runs every function node of the dashboard flow on the documented example payload of its topic, as Node-RED would,
// and prints what reaches the widgets. Usage: node check-flow.js <flow.json> <examples.json>
// examples.json: {"<topic>": <payload>, ...} (written by NodeRedFlowTest from docs/mqtt-status.md).
'use strict';
const fs = require('fs');
const flow = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const examples = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const byId = Object.fromEntries(flow.map((n) => [n.id, n]));
const context = {};
const flowContext = { get: (k) => context[k], set: (k, v) => { context[k] = v; } };
const out = [];

function matches(filter, topic) {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length || (f[i] !== '+' && f[i] !== t[i])) return false;
  }
  return f.length === t.length;
}

for (const input of flow.filter((n) => n.type === 'mqtt in')) {
  const topics = Object.keys(examples).filter((t) => matches(input.topic, t));
  if (topics.length === 0) throw new Error(`no documented topic matches ${input.topic}`);
  for (const topic of topics) {
    for (const target of input.wires[0]) {
      const fn = byId[target];
      // eslint-disable-next-line no-new-func
      const run = new Function('msg', 'flow', 'node', fn.func);
      let result = run({ topic, payload: JSON.parse(JSON.stringify(examples[topic])) }, flowContext, { warn() {} });
      if (!Array.isArray(result)) result = [result];
      result.forEach((msg, i) => {
        if (msg === null || msg === undefined) throw new Error(`${fn.name} returned nothing for ${topic}`);
        for (const widget of fn.wires[i]) {
          out.push({ topic, widget: byId[widget].label, payload: msg.payload });
        }
      });
    }
  }
}
process.stdout.write(JSON.stringify(out));
