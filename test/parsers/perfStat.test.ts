/**
 * perf stat: expected values come from the files themselves and from how perf computes what it
 * prints (util/stat-shadow.c): insn per cycle = instructions / cycles, GHz = cycles / task-clock,
 * `of all branches` = branch-misses / branches, CPUs utilized = task-clock / elapsed (or / the
 * interval with -I), `/sec` = count / task-clock seconds; all checked within the printed rounding.
 */
import { strict as assert } from 'node:assert';
import type { PerfStatModel, StatBlock, StatCounter } from '../../src/model/perfStat';
import { statBlockTable } from '../../src/model/perfStat';
import { checkTable } from '../../src/model/table';
import { parsePerfStat, PerfStatParser } from '../../src/parsers/perf-stat';
import { perfStatApplies } from '../../src/parsers/perf-stat/applies';
import { formatHead } from '../../src/parsers/formatDefinition';
import { detectFormat } from '../../src/parsers/detect';
import { reportModelJson } from '../../src/analysis/modelJson';
import { reportTables } from '../../src/analysis/reportTables';
import { readCorpus } from '../helpers/corpus';
import { assertGolden, FIXTURES } from '../helpers/golden';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

function counter(b: StatBlock, event: string): StatCounter {
  const c = b.counters.find((x) => x.event === event);
  assert.ok(c, `no counter ${event}`);
  return c;
}

/**
 * |computed − printed| within half a unit of the printed precision, plus what the rounding of the
 * printed inputs can move the computed value (`inputRelErr`: their summed relative rounding errors).
 */
function closeTo(computed: number, printed: number, decimals: number, what: string, inputRelErr = 0): void {
  const tolerance = 0.5 * 10 ** -decimals + Math.abs(computed) * inputRelErr + 1e-9;
  assert.ok(Math.abs(computed - printed) <= tolerance, `${what}: computed ${computed}, printed ${printed}`);
}

function decimalsOf(b: StatBlock, event: string): number {
  // The printed metric's own precision (perf: %7.2f, %8.3f …); read back from the line is not
  // possible after parsing, so use perf's formats: insn per cycle and % of … 2, the rest 3.
  const unit = counter(b, event).metrics[0].unit;
  return unit === 'insn per cycle' || unit.startsWith('%') ? 2 : 3;
}

function tablesOk(m: PerfStatModel): void {
  for (const b of m.blocks) assert.equal(checkTable(statBlockTable(b, 't')), undefined);
}

describe('perf stat parser', () => {
  it('default output (perf 6.1, -o): header, counters, metrics with units, <not supported>, footer', () => {
    const m = parsePerfStat(readCorpus('perf-6.1-captures/stat.txt'));
    assert.deepEqual(m.warnings, []);
    assert.equal(m.blocks.length, 1);
    const b = m.blocks[0];
    assert.equal(b.startedOn, 'Tue Nov 24 00:23:13 2026');
    assert.equal(b.target, "'./t'");
    assert.equal(b.command, './t');
    assert.equal(b.runs, 1);
    assert.deepEqual(
      b.counters.map((c) => [c.event, c.value, c.unit, c.status]),
      [
        ['task-clock', 1168.42, 'msec', 'counted'],
        ['context-switches', 315, '', 'counted'],
        ['cpu-migrations', 0, '', 'counted'],
        ['page-faults', 68, '', 'counted'],
        ['cycles', null, '', 'not supported'],
        ['instructions', null, '', 'not supported'],
        ['branches', null, '', 'not supported'],
        ['branch-misses', null, '', 'not supported'],
      ],
    );
    assert.deepEqual(counter(b, 'task-clock').metrics, [{ value: 0.997, unit: 'CPUs utilized', text: '0.997 CPUs utilized', line: 6 }]);
    assert.deepEqual(counter(b, 'cycles').metrics, []);
    assert.deepEqual(b.elapsed, { seconds: 1.171723393, line: 15, stddev: undefined });
    assert.equal(b.user?.seconds, 1.164456);
    assert.equal(b.sys?.seconds, 0.003988);
    // CPUs utilized = task-clock / elapsed; /sec = count / task-clock seconds.
    const tc = counter(b, 'task-clock').value!;
    // task-clock is printed to 0.01 msec: its rounding moves the quotients by up to 0.005 / 1168.42.
    const tcErr = 0.005 / tc;
    closeTo(tc / 1000 / b.elapsed!.seconds, 0.997, 3, 'CPUs utilized', tcErr);
    closeTo(315 / (tc / 1000), 269.596, 3, 'context-switches /sec', tcErr);
    closeTo(68 / (tc / 1000), 58.198, 3, 'page-faults /sec', tcErr);
    tablesOk(m);
  });

  it('-r 3: noise per counter and the elapsed mean +- stddev ( +- % )', () => {
    const b = parsePerfStat(readCorpus('perf-6.1-captures/stat_r.txt')).blocks[0];
    assert.equal(b.runs, 3);
    assert.deepEqual(
      b.counters.map((c) => c.noisePct ?? null),
      [0.14, 4.16, 28.87, 1.0, null, null, null, null],
    );
    assert.equal(b.elapsed!.seconds, 1.12053);
    assert.equal(b.elapsed!.stddev, 0.00392);
    assert.equal(b.elapsed!.noisePct, 0.35);
    // perf's % is stddev / mean.
    closeTo((100 * b.elapsed!.stddev!) / b.elapsed!.seconds, 0.35, 2, 'elapsed noise');
  });

  it('several runs pasted in one file (Intel topdown, en_US grouping): one block each, metrics as perf computes them', () => {
    const m = parsePerfStat(readCorpus('perf-stat/grahamking-two_sum/perf_stat.txt'));
    assert.deepEqual(
      m.blocks.map((b) => [b.command, b.counters.length, b.elapsed?.seconds]),
      [
        ['./target/release/two_sum 300 l', 13, 60.24869021],
        ['./target/release/two_sum 300 m', 13, 61.511974955],
        ['./target/release/two_sum 300 s', 13, 8.55778354],
      ],
    );
    // The `---` lines the author put between runs are not perf's: warned, located.
    assert.deepEqual(
      m.warnings.map((w) => w.line),
      [22, 45],
    );
    for (const b of m.blocks) {
      const v = (e: string) => counter(b, e).value!;
      assert.equal(counter(b, 'task-clock').unit, 'msec');
      closeTo(v('instructions') / v('cycles'), counter(b, 'instructions').metrics[0].value!, decimalsOf(b, 'instructions'), 'IPC');
      closeTo(v('cycles') / (v('task-clock') * 1e6), counter(b, 'cycles').metrics[0].value!, 3, 'GHz');
      closeTo((100 * v('branch-misses')) / v('branches'), counter(b, 'branch-misses').metrics[0].value!, 2, 'branch miss %');
      closeTo(v('task-clock') / 1000 / b.elapsed!.seconds, counter(b, 'task-clock').metrics[0].value!, 3, 'CPUs utilized');
      assert.equal(counter(b, 'branch-misses').metrics[0].unit, '% of all branches');
      assert.equal(counter(b, 'instructions').metrics[0].unit, 'insn per cycle');
    }
    assert.equal(counter(m.blocks[0], 'cycles').value, 72124912284);
    assert.equal(counter(m.blocks[0], 'task-clock').value, 60243.87);
    assert.deepEqual(counter(m.blocks[1], 'branches').metrics[0], { value: 262.963, unit: 'M/sec', text: '262.963 M/sec', line: 32 });
  });

  it('decimal commas (a de_DE-style locale, from a blog): metrics, elapsed and multiplexing share', () => {
    const b = parsePerfStat(readCorpus('easyperf-blog/_posts_2018-06-01-PMU-counters-and-profiling-basics__block03.perf-stat.txt')).blocks[0];
    assert.equal(b.elapsed!.seconds, 0.0014974);
    const ipc = counter(b, 'instructions').metrics[0];
    assert.deepEqual([ipc.value, ipc.unit], [0.75, 'insn per cycle']);
    closeTo(counter(b, 'instructions').value! / counter(b, 'cycles').value!, 0.75, 2, 'IPC');
    // A comment without a number is kept as text.
    assert.deepEqual(counter(b, 'r5301b1').metrics[0], { value: null, unit: 'UOPS_EXECUTED.CORE', text: 'UOPS_EXECUTED.CORE', line: 6 });
    assert.equal(ipc.text, '0,75 insn per cycle', 'as perf printed it');
    const mux = parsePerfStat(readCorpus('easyperf-blog/_posts_2018-12-29-Understanding-IDQ_UOPS_NOT_DELIVERED__block08.perf-stat.txt')).blocks[0];
    assert.deepEqual(
      mux.counters.map((c) => c.runningPct),
      [83.33, 83.33, 83.33, 83.33, 83.33, 66.77],
    );
  });

  it('grouping under other locales: 1.234.567 (de_DE), narrow no-break spaces (fr_FR), en_IN', () => {
    const de = parsePerfStat(" Performance counter stats for 'ls':\n\n     1.130.432      cycles    #    2,417 GHz\n      1.234,56 msec task-clock  #    0,977 CPUs utilized\n\n       1,263401234 seconds time elapsed\n");
    assert.deepEqual(de.warnings, []);
    assert.deepEqual(
      de.blocks[0].counters.map((c) => [c.value, c.metrics[0].value]),
      [
        [1130432, 2.417],
        [1234.56, 0.977],
      ],
    );
    assert.equal(de.blocks[0].elapsed!.seconds, 1.263401234);
    const fr = parsePerfStat('     1\u202f130\u202f432      cycles\n         7\u202f580      branch-misses  #    3,50% of all branches\n      12,34,567      instructions\n');
    assert.deepEqual(
      fr.blocks[0].counters.map((c) => c.value),
      [1130432, 7580, 1234567],
    );
    assert.deepEqual(fr.blocks[0].counters[1].metrics[0], { value: 3.5, unit: '% of all branches', text: '3,50% of all branches', line: 2 });
  });

  it('-I 300: timestamps, one block, CPUs utilized = task-clock / the 300 ms interval', () => {
    const m = parsePerfStat(readCorpus('perf-6.1-captures/stat_I.txt'));
    assert.deepEqual(m.warnings, []);
    assert.equal(m.blocks.length, 1);
    const b = m.blocks[0];
    assert.deepEqual(b.intervals, [0.300351117, 0.605369153, 0.905644973, 1.156643279]);
    // perf divides by the -I interval asked for (the capture used -I 300), not the measured gap.
    for (const c of b.counters.filter((x) => x.event === 'task-clock')) {
      closeTo(c.value! / 300, c.metrics[0].value!, 3, `CPUs utilized at ${c.time}`, 0.005 / c.value!);
    }
    const t = statBlockTable(b, 'x');
    assert.deepEqual(t.keys, ['time', 'event']);
    assert.deepEqual(t.rows[0].cells.slice(0, 4), [0.300351117, 'task-clock', 306.09, 'msec']);
  });

  it('-x, -x; and -x, -r: fields from both ends, noise before run time, run time = task-clock in ns', () => {
    const csv = parsePerfStat(readCorpus('perf-6.1-captures/stat_csv.txt'));
    assert.deepEqual(csv.warnings, []);
    const b = csv.blocks[0];
    assert.equal(b.style, 'csv');
    assert.equal(b.separator, ',');
    const tc = counter(b, 'task-clock');
    assert.deepEqual([tc.value, tc.unit, tc.runTimeNs, tc.runningPct, tc.metrics[0].value, tc.metrics[0].unit], [1217.39, 'msec', 1217392797, 100, 1.086, 'CPUs utilized']);
    closeTo(tc.runTimeNs! / 1e6, tc.value!, 2, 'task-clock run time');
    assert.deepEqual(counter(b, 'cycles').status, 'not supported');
    assert.deepEqual(counter(b, 'cycles').metrics, []);
    const r = parsePerfStat(readCorpus('perf-6.1-captures/stat_csv_r.txt')).blocks[0];
    assert.deepEqual(
      r.counters.map((c) => c.noisePct),
      [0.56, 9.1, 26.67, 1.88, 0, 0, 0, 0],
    );
    const semi = parsePerfStat('1085.59;msec;task-clock;1085592857;100.00;1.990;CPUs utilized\n<not counted>;;cpu/event=0x3c,umask=0/;0;0.00;;\n');
    assert.deepEqual(
      semi.blocks[0].counters.map((c) => [c.event, c.value, c.status]),
      [
        ['task-clock', 1085.59, 'counted'],
        ['cpu/event=0x3c,umask=0/', null, 'not counted'],
      ],
    );
    const commaEvent = parsePerfStat('12,,cpu/event=0x3c,umask=0/,1000,100.00,,\n');
    assert.equal(commaEvent.blocks[0].counters[0].event, 'cpu/event=0x3c,umask=0/');
  });

  it('-I -x, with space-padded timestamps, -A and --per-socket in CSV, and metric continuation lines', () => {
    const m = parsePerfStat(
      [
        '     0.303376512,602.42,msec,task-clock,602416840,100.00,2.008,CPUs utilized',
        '     0.303376512,CPU0,101.45,msec,task-clock,101451544,100.00,1.000,CPUs utilized',
        '     0.303376512,S0,2,105.68,msec,task-clock,105682521,100.00,2.088,CPUs utilized',
        '     0.303376512,1040406,,instructions,1000,100.00,0.92,insn per cycle',
        '     0.303376512,,,,,0.50,stalled cycles per insn',
      ].join('\n'),
    );
    assert.deepEqual(m.warnings, []);
    const b = m.blocks[0];
    assert.deepEqual(b.intervals, [0.303376512]);
    assert.deepEqual(
      b.counters.map((c) => [c.aggregate?.id ?? '', c.aggregate?.cpus ?? null, c.event, c.value]),
      [
        ['', null, 'task-clock', 602.42],
        ['CPU0', null, 'task-clock', 101.45],
        ['S0', 2, 'task-clock', 105.68],
        ['', null, 'instructions', 1040406],
      ],
    );
    assert.deepEqual(
      b.counters[3].metrics.map((x) => [x.value, x.unit]),
      [
        [0.92, 'insn per cycle'],
        [0.5, 'stalled cycles per insn'],
      ],
    );
  });

  it('-j JSON lines (perf 6.1 capture, and the newest perf: string metric values, counters): run time = task-clock in ns', () => {
    const text = [
      '{"socket" : "S0", "aggregate-number" : 2, "counter-value" : "105.682521", "unit" : "msec", "event" : "task-clock", "event-runtime" : 105682521, "pcnt-running" : 100.00, "metric-value" : 2.087807, "metric-unit" : "CPUs utilized"}',
      '{"interval" : 1.001, "cpu" : "3", "counters" : 1, "counter-value" : "<not supported>", "unit" : "", "event" : "cycles", "event-runtime" : 0, "pcnt-running" : 100.00, "metric-value" : "0.000000", "metric-unit" : "GHz"}',
      '{"counter-value" : "264.000000", "unit" : "", "event" : "context-switches", "variance" : 4.16, "event-runtime" : 1163400000, "pcnt-running" : 100.00, "metric-value" : 227.199, "metric-unit" : "/sec"}',
    ].join('\n');
    assert.equal(perfStatApplies(formatHead(text)).verdict, 'yes');
    const m = parsePerfStat(text);
    assert.deepEqual(m.warnings, []);
    const cs = m.blocks.flatMap((b) => b.counters);
    assert.equal(m.blocks[0].style, 'json');
    assert.deepEqual(cs[0].aggregate, { kind: 'socket', id: 'S0', cpus: 2 });
    assert.deepEqual([cs[0].value, cs[0].unit, cs[0].runningPct], [105.682521, 'msec', 100]);
    closeTo(cs[0].runTimeNs! / 1e6, cs[0].value!, 6, 'task-clock run time');
    assert.deepEqual(cs[0].metrics.map((x) => [x.value, x.unit]), [[2.087807, 'CPUs utilized']]);
    assert.deepEqual([cs[1].time, cs[1].aggregate?.id, cs[1].status, cs[1].value, cs[1].metrics[0].value], [1.001, 'CPU3', 'not supported', null, 0]);
    assert.deepEqual([cs[2].noisePct, cs[2].value], [4.16, 264]);
  });

  it('-A, --per-socket, --per-thread (comm-tid, <not counted>) prefixes', () => {
    const a = parsePerfStat(readCorpus('perf-6.1-captures/stat_A.txt')).blocks[0];
    assert.deepEqual(
      a.counters.map((c) => [c.aggregate?.kind, c.aggregate?.id, c.event, c.value]),
      [
        ['cpu', 'CPU0', 'task-clock', 102.02],
        ['cpu', 'CPU1', 'task-clock', 102.1],
        ['cpu', 'CPU0', 'page-faults', 79],
        ['cpu', 'CPU1', 'page-faults', 1],
      ],
    );
    const s = parsePerfStat(readCorpus('perf-6.1-captures/stat_sock.txt')).blocks[0];
    assert.deepEqual(s.counters[0].aggregate, { kind: 'socket', id: 'S0', cpus: 2 });
    assert.equal(s.counters[0].value, 203.65);
    // 2 CPUs aggregated over the elapsed time: 2.000 CPUs utilized.
    closeTo(s.counters[0].value! / 1000 / s.elapsed!.seconds, 2.0, 2, 'CPUs utilized');
    const thr = parsePerfStat(readCorpus('perf-6.1-captures/stat_thr.txt'));
    const t = thr.blocks[0];
    assert.equal(t.target, "process id '1'");
    assert.equal(t.command, undefined);
    assert.equal(t.counters.length, 13);
    assert.ok(t.counters.every((c) => c.aggregate?.kind === 'thread' && c.status === 'not counted' && c.value === null && c.unit === 'msec'));
    assert.equal(t.counters[8].aggregate!.id, 'tokio-rt-worker-68');
    const core = parsePerfStat('S0-D0-C1           2              12.50 msec task-clock   #    1.0 CPUs utilized\n     0.300350095 CPU3                   103.64 msec task-clock\n').blocks;
    assert.deepEqual(core[0].counters[0].aggregate, { kind: 'core', id: 'S0-D0-C1', cpus: 2 });
    assert.deepEqual([core[0].counters[1].time, core[0].counters[1].aggregate?.id], [0.300350095, 'CPU3']);
  });

  it('older and newer layouts: task-clock (msec), continuation metric lines, metric groups, --table rows, the NMI hint', () => {
    const m = parsePerfStat(
      [
        " Performance counter stats for 'make' (5 runs):",
        '',
        '       1222.010000 task-clock (msec)         #    0.594 CPUs utilized            ( +-  0.11% )',
        '     1,130,432      cycles                    #    2.417 GHz                      (49.95%)',
        '     1,040,406      instructions              #    0.92  insn per cycle           (50.05%)',
        '                                              #    0.50  stalled cycles per insn  (50.05%)',
        '             TopdownL1 (cpu_core)  #     21.9 %  tma_backend_bound',
        '                                   #      8.4 %  tma_bad_speculation',
        '',
        ' # Table of individual measurements:',
        ' 1.0025 (+0.0001) #',
        ' 1.0023 (-0.0001) #',
        '',
        ' # Final result:',
        '           1.00240 +- 0.00012 seconds time elapsed  ( +-  0.01% )',
        '',
        "Some events weren't counted. Try disabling the NMI watchdog:",
        '\techo 0 > /proc/sys/kernel/nmi_watchdog',
        '\tperf stat ...',
        '\techo 1 > /proc/sys/kernel/nmi_watchdog',
      ].join('\n'),
    );
    assert.deepEqual(m.warnings, []);
    const b = m.blocks[0];
    assert.deepEqual([b.runs, b.command], [5, 'make']);
    assert.deepEqual(
      [counter(b, 'task-clock').unit, counter(b, 'task-clock').value, counter(b, 'task-clock').noisePct],
      ['msec', 1222.01, 0.11],
    );
    assert.deepEqual(
      counter(b, 'instructions').metrics.map((x) => [x.value, x.unit, x.line]),
      [
        [0.92, 'insn per cycle', 5],
        [0.5, 'stalled cycles per insn', 6],
      ],
    );
    assert.equal(counter(b, 'cycles').runningPct, 49.95);
    assert.deepEqual(
      b.metricGroups.map((g) => [g.name, g.metrics.map((x) => `${x.value} ${x.unit}`)]),
      [['TopdownL1 (cpu_core)', ['21.9 % tma_backend_bound', '8.4 % tma_bad_speculation']]],
    );
    assert.deepEqual([b.elapsed!.seconds, b.elapsed!.stddev, b.elapsed!.noisePct], [1.0024, 0.00012, 0.01]);
  });

  it('newer layouts (hybrid PMUs, metric groups, modifiers, RAPL Joules, -G cgroup, noise and share on one line)', () => {
    const m = parsePerfStat(readFileSync(resolve(FIXTURES, 'perf-stat/hybrid-newer.txt'), 'utf8'));
    assert.deepEqual(m.warnings, []);
    const b = m.blocks[0];
    assert.deepEqual(
      b.counters.map((c) => [c.event, c.value, c.unit, c.runningPct ?? null]),
      [
        ['cpu-clock', 32104.51, 'msec', null],
        ['context-switches', 114577, '', null],
        ['cpu_core/cycles/', 1318853297, '', 87.6],
        ['cpu_atom/cycles/', 766578120, '', 63.04],
        ['task-clock:u', 0.51, 'msec', null],
        ['power/energy-pkg/', 19.36, 'Joules', null],
        ['cycles:u', 1234, '', 66.67],
        ['cycles', 1234, '', null],
        ['cpu_atom/instructions/', null, '', 0],
      ],
    );
    assert.equal(counter(b, 'cycles:u').noisePct, 0.5);
    assert.equal(counter(b, 'cycles').cgroup, 'mycgroup');
    assert.deepEqual(
      b.metricGroups.map((g) => [g.name, g.metrics.map((x) => x.text)]),
      [
        ['TopdownL1 (cpu_core)', ['43.5 % tma_backend_bound', '6.7 % tma_bad_speculation']],
        ['TopdownL1 (cpu_atom)', ['24.3 % tma_bad_speculation']],
      ],
    );
    assert.equal(b.elapsed!.seconds, 2.002945197);
  });

  it('--metric-only and the old --topdown table: values matched to the unit right-aligned above them', () => {
    const m = parsePerfStat(readFileSync(resolve(FIXTURES, 'perf-stat/metric-only.txt'), 'utf8'));
    assert.deepEqual(m.warnings, []);
    assert.deepEqual(
      m.blocks.map((b) => b.metricGroups.map((g) => [g.line, g.name, g.time ?? null, g.metrics.map((x) => `${x.value} ${x.unit}`)])),
      [
        [[4, 'metric-only', null, ['0.73 insn per cycle', '3.21 branch-misses of all branches']]],
        [
          [11, 'S0-D0-C0', null, ['37.6 retiring', '1.7 bad speculation', '7.5 frontend bound', '53.1 backend bound']],
          [12, 'S0-D0-C1', null, ['38 retiring', '1.5 bad speculation', '7 frontend bound', '53.5 backend bound']],
        ],
        [
          [16, 'metric-only', 1.000890117, ['0.51 insn per cycle']],
          [17, 'metric-only', 2.001978225, ['0.49 insn per cycle']],
        ],
      ],
    );
    // TopDown level 1 shares add up to 100% per core, within the rounding of four values printed to 0.1.
    for (const g of m.blocks[1].metricGroups) assert.ok(Math.abs(g.metrics.reduce((a, x) => a + x.value!, 0) - 100) <= 4 * 0.05 + 1e-9, g.name);
    assert.deepEqual(m.blocks[1].elapsed?.seconds, 1.001455396);
    const [t] = reportTables(m).filter((x) => x.group === 'metrics');
    assert.equal(checkTable(t), undefined);
    assert.deepEqual(t.rows[0].cells, ['metric-only', 'insn per cycle', 0.73]);
    // A units-like line no values follow is program output after all: warned at its own line.
    const noise = parsePerfStat(" Performance counter stats for 'x':\n\nx isnormal: yes\n     1,234      cycles\n");
    assert.deepEqual(noise.warnings.map((w) => w.line), [3]);
    assert.equal(noise.blocks[0].counters.length, 1);
  });

  it('text around the blocks (prompts, program output): skipped with located warnings, never fatal', () => {
    const m = parsePerfStat(readCorpus('easyperf-blog/_posts_2018-08-26-Basics-of-profiling-with-perf__block07.perf-stat.txt'));
    assert.deepEqual(
      m.warnings.map((w) => w.line),
      [1, 2, 3, 4, 5, 6, 7],
    );
    assert.match(m.warnings[0].message, /^a shell prompt, skipped; expected a perf stat counter line/);
    assert.deepEqual(
      m.blocks.map((b) => [b.command, b.counters[0].event, b.counters[0].value]),
      [['./a_out', 'branch-misses', 133366825]],
    );
    // Garbage and a cut file: what is valid parses.
    const cut = parsePerfStat(" Performance counter stats for 'x':\n\n     1,130,432      cycles   #  2.4\n   <not supp");
    assert.equal(cut.blocks[0].counters.length, 1);
    assert.deepEqual(
      cut.warnings.map((w) => w.line),
      [4],
    );
    assert.deepEqual(parsePerfStat('').blocks, []);
    assert.equal(parsePerfStat('\u0000\u0001 # (\n)))((( # #\n').blocks.length, 0);
  });

  it('digits beyond a double (found by the property harness): never a value (Infinity)', () => {
    const huge = '9'.repeat(400);
    for (const text of [
      `${huge}.0,msec,task-clock,0.56%,1231077493,100.00,1.034,CPUs utilized\n`,
      `1.0,msec,task-clock,${huge}%,1231077493,100.00,1.034,CPUs utilized\n`,
      `1.0,msec,task-clock,${huge},100.00,1.034,CPUs utilized\n`,
      `{"counter-value" : "${huge}", "unit" : "", "event" : "cycles"}\n`,
      `     ${huge}      cycles\n`,
    ]) {
      const m = parsePerfStat(text);
      for (const c of m.blocks.flatMap((b) => b.counters)) {
        for (const v of [c.value, c.noisePct, c.runTimeNs, c.runningPct]) assert.ok(v === null || v === undefined || Number.isFinite(v), text.slice(395, 440));
      }
    }
  });

  it('quoted in a mail (`> `): the quote is removed, with one warning; the block parses as unquoted', () => {
    const text = readCorpus('perf-6.1-captures/stat_r.txt');
    const plain = parsePerfStat(text).blocks[0];
    const m = parsePerfStat(`On Monday you wrote:\n${text.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n')}\n`);
    const b = m.blocks[0];
    assert.deepEqual(
      b.counters.map((c) => [c.event, c.value, c.noisePct]),
      plain.counters.map((c) => [c.event, c.value, c.noisePct]),
    );
    assert.deepEqual([b.runs, b.elapsed?.seconds, b.elapsed?.noisePct], [3, 1.12053, 0.35]);
    assert.ok(m.warnings.some((w) => w.message.startsWith('perf stat quoted by "> "')));
    assert.equal(perfStatApplies(formatHead(`On Monday you wrote:\n>  Performance counter stats for 'x':\n`)).verdict, 'yes');
  });

  it('streams: any chunking gives the same model; 100k lines and a near-1 MiB line stay bounded', () => {
    const text = readCorpus('perf-stat/grahamking-two_sum/perf_stat.txt');
    const whole = JSON.stringify(parsePerfStat(text));
    for (const size of [1, 13, 500]) {
      const p = new PerfStatParser();
      for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
      p.end();
      assert.equal(JSON.stringify(p.toModel('<text>')), whole, `chunks of ${size}`);
    }
    const lines: string[] = ['#           time             counts unit events'];
    for (let i = 1; i <= 50000; i++) lines.push(`     ${i}.000000000             306.09 msec task-clock  #  1.0 CPUs utilized`, `     ${i}.000000000                 56      page-faults`);
    lines.push(' '.repeat(500000) + '('.repeat(200000) + '#'.repeat(200000));
    const big = parsePerfStat(lines.join('\n'));
    assert.equal(big.blocks.length, 1);
    assert.equal(big.blocks[0].counters.length, 100000);
    assert.equal(big.blocks[0].intervals.length, 50000);
    assert.equal(big.warnings.length, 1);
  });

  it('perflens parse JSON (golden, reviewed against the file)', () => {
    for (const name of ['stat_r.txt', 'stat_csv.txt']) {
      const json = JSON.stringify(reportModelJson(parsePerfStat(readCorpus(`perf-6.1-captures/${name}`), name)), null, 2) + '\n';
      assertGolden(`perf-stat/${name.replace(/\.txt$/, '.json')}`, json);
    }
  });

  it('detection: header, -I header, -x lines (any separator); not the other formats', () => {
    for (const f of ['stat.txt', 'stat_I.txt', 'stat_csv.txt', 'stat_csv_r.txt', 'stat_A.txt', 'stat_thr.txt']) {
      assert.equal(detectFormat(readCorpus(`perf-6.1-captures/${f}`)).format, 'perf-stat', f);
    }
    assert.equal(perfStatApplies(formatHead('1085.59;msec;task-clock;1085592857;100.00;1.990;CPUs utilized\n')).verdict, 'yes');
    for (const f of ['perf-6.1-captures/diff.txt', 'perf-6.1-captures/ng_default.txt', 'perf-6.1-captures/trace_s.txt', 'perf-6.1-captures/script_ng.txt', 'strace-c/strace-4.26-c.txt']) {
      let text: string;
      try {
        text = readCorpus(f);
      } catch {
        continue;
      }
      assert.equal(perfStatApplies(formatHead(text)).verdict, 'no', f);
    }
  });
});
