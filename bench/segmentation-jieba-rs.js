// Peer of the "segment" benchmark: jieba-rs through the pinned npm package @node-rs/jieba.
// usage: node segmentation-jieba-rs.js <node_modules> <corpus.txt> <rounds> [cuts.jsonl]
// Prints one JSON object: load time, best wall and CPU seconds per round (single thread), bytes, RSS after load;
// with cuts.jsonl, also writes each line's words there (one JSON array a line) for the agreement with python jieba.
'use strict';
const fs = require('fs');
const path = require('path');

const [nodeModules, corpusPath, roundsText, cutsPath] = process.argv.slice(2);
const rounds = Number(roundsText || '3');
const lines = fs.readFileSync(corpusPath, 'utf8').split('\n').filter((l) => l.length > 0);
const bytes = lines.reduce((n, l) => n + Buffer.byteLength(l, 'utf8'), 0);

let t = process.hrtime.bigint();
let cpu = process.cpuUsage();
const { Jieba } = require(path.join(nodeModules, '@node-rs', 'jieba'));
const { dict } = require(path.join(nodeModules, '@node-rs', 'jieba', 'dict'));
const jieba = Jieba.withDict(dict);
const loadMs = Number(process.hrtime.bigint() - t) / 1e6;
const loadCpuMs = cpuMs(process.cpuUsage(cpu));
const rssAfterLoadMb = process.memoryUsage().rss / 1048576;

let tokens = 0;
for (const line of lines.slice(0, 2000)) tokens += jieba.cut(line, true).length; // warm-up
let best = Infinity;
let bestCpu = Infinity;
for (let r = 0; r < rounds; r++) {
  tokens = 0;
  t = process.hrtime.bigint();
  cpu = process.cpuUsage();
  for (const line of lines) tokens += jieba.cut(line, true).length;
  bestCpu = Math.min(bestCpu, cpuMs(process.cpuUsage(cpu)) / 1000);
  best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
}
// The same text in blocks of 1,000 lines joined by "\n": fewer calls across N-API.
const blocks = [];
for (let i = 0; i < lines.length; i += 1000) blocks.push(lines.slice(i, i + 1000).join('\n'));
let blockSeconds = Infinity;
let blockCpuSeconds = Infinity;
for (let r = 0; r < rounds; r++) {
  t = process.hrtime.bigint();
  cpu = process.cpuUsage();
  for (const block of blocks) jieba.cut(block, true);
  blockCpuSeconds = Math.min(blockCpuSeconds, cpuMs(process.cpuUsage(cpu)) / 1000);
  blockSeconds = Math.min(blockSeconds, Number(process.hrtime.bigint() - t) / 1e9);
}
if (cutsPath) {
  fs.writeFileSync(cutsPath, lines.map((l) => JSON.stringify(jieba.cut(l, true))).join('\n') + '\n');
}
process.stdout.write(JSON.stringify({
  loadMs, loadCpuMs, seconds: best, cpuSeconds: bestCpu, blockSeconds, blockCpuSeconds, bytes, lines: lines.length, tokens, rssAfterLoadMb,
}) + '\n');

function cpuMs(usage) {
  return (usage.user + usage.system) / 1000;
}
