// GoRules ZEN 基准：用 m06-m10.json 决策图（JDM）判定 M06（二（二）6 日照市技术能手）与 M10（二（三）10 职业技能竞赛）。
//
//   npm install && node run.mjs <cases.jsonl> <results.jsonl> [seconds=10]
//   （用 npm install 而非 npm ci：这里的 npm 源只有 linux-x64 的原生包，锁文件里缺其他平台的可选依赖，npm ci 因此拒绝。）
//
// 1. 按文件顺序把每个案例判定一次，每个案例写一行规范化结果到 <results.jsonl>，供与 Drools、DMN 的结果逐行比对：
//      {"caseId":…,"M06":{"outcome":…,"amount":"2000.00"},"M10":{"outcome":…,"amount":"0.00","promotion":…|null}}
//    规则的取值都在决策图的表中；这里只取出表的结果并把金额写成两位小数的字符串。
// 2. 预热 seconds/2 秒，再测 seconds 秒：依次逐个 await evaluate（同一时刻只有一个调用），用 process.hrtime.bigint()
//    计每次调用的时间；传入的是已解析好的案例对象（JSON 解析不计时）。
// 3. 向 stdout 打印一行 JSON：engine、version（读自包的 package.json）、cases、evaluations、evaluationsPerSecond、
//    medianMicros、p99Micros。
//
// ZEN 的 Node 绑定只有异步的 evaluate（返回 Promise：在原生线程池中求值，没有同步版本）；这里用它，选项 {trace: false}
// （也是缺省值）。决策图以 ZenDecisionContent 载入：其构造函数把图中全部表达式预编译为字节码，createDecision 直接收
// Buffer 时则不预编译，每次求值都要重新编译表达式。
import { ZenEngine, ZenDecisionContent } from '@gorules/zen-engine';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const [casesPath, resultsPath, secondsArg] = process.argv.slice(2);
if (!casesPath || !resultsPath) {
  console.error('usage: node run.mjs <cases.jsonl> <results.jsonl> [seconds=10]');
  process.exit(2);
}
const seconds = secondsArg === undefined ? 10 : Number(secondsArg);
if (!(seconds > 0)) {
  console.error(`seconds must be a positive number: ${secondsArg}`);
  process.exit(2);
}

const require = createRequire(import.meta.url);
const version = JSON.parse(readFileSync(require.resolve('@gorules/zen-engine/package.json'), 'utf8')).version;

const cases = readFileSync(casesPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));
if (cases.length === 0) {
  console.error(`no cases in ${casesPath}`);
  process.exit(2);
}

const engine = new ZenEngine();
const graph = readFileSync(fileURLToPath(new URL('./m06-m10.json', import.meta.url)));
const decision = engine.createDecision(new ZenDecisionContent(graph));
const options = { trace: false };

function money(value, where) {
  const n = Number(value);
  if (value === null || value === undefined || !Number.isFinite(n)) {
    throw new Error(`${where}: no amount in the decision's result: ${JSON.stringify(value)}`);
  }
  return n.toFixed(2);
}

function outcome(value, where) {
  if (value !== 'ELIGIBLE' && value !== 'INELIGIBLE') {
    throw new Error(`${where}: unexpected outcome ${JSON.stringify(value)}`);
  }
  return value;
}

// The decision's result, normalized: keys in the contract's order, amounts as strings with two decimals.
function normalize(c, result) {
  const { M06, M10 } = result ?? {};
  if (!M06 || !M10) throw new Error(`${c.caseId}: result lacks M06 or M10: ${JSON.stringify(result)}`);
  return {
    caseId: c.caseId,
    M06: { outcome: outcome(M06.outcome, `${c.caseId} M06`), amount: money(M06.amount, `${c.caseId} M06`) },
    M10: {
      outcome: outcome(M10.outcome, `${c.caseId} M10`),
      amount: money(M10.amount, `${c.caseId} M10`),
      promotion: M10.promotion ?? null,
    },
  };
}

// 1. Every case once, in file order.
const lines = new Array(cases.length);
for (let i = 0; i < cases.length; i++) {
  const response = await decision.evaluate(cases[i], options);
  lines[i] = JSON.stringify(normalize(cases[i], response.result));
}
writeFileSync(resultsPath, lines.join('\n') + '\n');

// 2. Warm-up, then the measured loop: one evaluation at a time, each timed.
let next = 0;
const warmEnd = process.hrtime.bigint() + BigInt(Math.round((seconds / 2) * 1e9));
while (process.hrtime.bigint() < warmEnd) {
  await decision.evaluate(cases[next], options);
  next = next + 1 === cases.length ? 0 : next + 1;
}

const durations = []; // nanoseconds, as Numbers
const inEngine = []; // microseconds, as ZEN reports its own work (result.performance, e.g. "16.2µs")
const start = process.hrtime.bigint();
const end = start + BigInt(Math.round(seconds * 1e9));
let last = start;
while (last < end) {
  const t0 = process.hrtime.bigint();
  const response = await decision.evaluate(cases[next], options);
  last = process.hrtime.bigint();
  durations.push(Number(last - t0));
  inEngine.push(micros(response.performance));
  next = next + 1 === cases.length ? 0 : next + 1;
}
const elapsedSeconds = Number(last - start) / 1e9;

// 3. One line of figures.
function micros(text) {
  const m = /^([\d.]+)\s*(ns|µs|us|ms|s)$/.exec(String(text).trim());
  if (!m) return NaN;
  return Number(m[1]) * { ns: 0.001, µs: 1, us: 1, ms: 1000, s: 1e6 }[m[2]];
}
const engineSorted = Float64Array.from(inEngine.filter(Number.isFinite)).sort();
const sorted = Float64Array.from(durations).sort();
const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
const median = sorted.length % 2 === 1
  ? sorted[(sorted.length - 1) / 2]
  : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
const round = (x, digits) => Number(x.toFixed(digits));
console.log(JSON.stringify({
  engine: 'GoRules ZEN',
  version,
  cases: cases.length,
  evaluations: durations.length,
  evaluationsPerSecond: round(durations.length / elapsedSeconds, 1),
  medianMicros: round(median / 1000, 2),
  p99Micros: round(at(0.99) / 1000, 2),
  // ZEN's own measure of its work, without the hand-over from JavaScript to its native threads and back.
  engineMedianMicros: engineSorted.length ? round(engineSorted[Math.floor(engineSorted.length / 2)], 2) : null,
}));
