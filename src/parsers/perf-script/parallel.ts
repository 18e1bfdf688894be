/**
 * How perf script files are parsed on every core: ranges start after a blank line (a sample
 * boundary), every range keeps the event the whole file would keep by default, and the ranges'
 * stack tries are merged.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { StackProfile } from '../../model/profile';
import type { HeaderFacts } from '../../model/report';
import type { ParallelParsing } from '../formatDefinition';
import { StackTrie, type TrieExport } from '../shared/stackTrie';
import { PerfScriptCollapser } from './collapser';
import type { CollapseOptions } from './options';

interface RangeStacks {
  stacks: TrieExport;
  events: string[];
  weight: StackProfile['weight'];
  facts: HeaderFacts;
}

/** The event the single-threaded parser would keep by default: the first one in the file. */
export function firstEvent(path: string, options: Partial<CollapseOptions>): string | undefined {
  if (options.event) return options.event;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(256 << 10);
    const c = new PerfScriptCollapser(options);
    const decoder = new StringDecoder('utf8');
    // Read up to 4 MiB, stopping as soon as a sample header names its event.
    for (let pos = 0; pos < 4 << 20 && c.events.length === 0; ) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) break;
      c.push(decoder.write(buf.subarray(0, n)));
      pos += n;
    }
    return c.events[0];
  } finally {
    closeSync(fd);
  }
}

export const perfScriptParallel: ParallelParsing<Partial<CollapseOptions>, StackProfile> = {
  boundary: '\n\n',
  prepare(path, options) {
    const defaultEvent = firstEvent(path, options);
    // No event near the start: leave it to the sequential parser, which handles any input.
    return defaultEvent === undefined ? undefined : { ...options, defaultEvent };
  },
  // Only the last range can end inside a sample; the others end at a blank line.
  rangeOptions: (options, last) => ({ ...options, dropTruncatedSample: last ? options.dropTruncatedSample : true }),
  exportRange(parser) {
    const c = parser as PerfScriptCollapser;
    const stacks = c.exportStacks();
    const data: RangeStacks = { stacks, events: c.events, weight: c.weight, facts: c.facts };
    // The stacks cross as a trie of ids in transferable arrays: their strings are built once, in
    // the thread that merges.
    return { data, transfer: [stacks.parent.buffer as ArrayBuffer, stacks.frame.buffer as ArrayBuffer, stacks.weight.buffer as ArrayBuffer] };
  },
  merge(ranges, envelope, options) {
    const trie = new StackTrie();
    const events: string[] = [];
    let weight: StackProfile['weight'] = 'samples';
    for (const r of ranges) {
      const d = r.data as RangeStacks;
      trie.merge(d.stacks);
      for (const e of d.events) if (!events.includes(e)) events.push(e);
      if (d.weight === 'period') weight = 'period';
    }
    // Each range warns once about other events; the file as a whole warns once.
    let filterWarned = false;
    const warnings = envelope.warnings.filter((w) => {
      if (!w.message.startsWith('several events')) return true;
      if (filterWarned) return false;
      return (filterWarned = true);
    });
    return {
      format: 'perf-script',
      kind: 'stacks',
      source: envelope.source,
      // The header block is at the start of the file: the first range read it.
      facts: (ranges[0]?.data as RangeStacks | undefined)?.facts ?? {},
      lines: envelope.lines,
      warnings,
      droppedWarnings: envelope.droppedWarnings,
      events,
      event: options.defaultEvent,
      tree: trie.toCallTree('all', envelope.source),
      samples: envelope.records,
      weight,
    };
  },
};
