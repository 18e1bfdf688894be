import { strict as assert } from 'node:assert';
import { countNewlines, invalidUtf8Line, LineSplitter, type LineSink } from '../../src/parsers/shared/lineSplitter';

class Recorder implements LineSink {
  lines: Array<[string, number]> = [];
  long: Array<[number, number]> = [];
  line(line: string, lineNo: number): void {
    this.lines.push([line, lineNo]);
  }
  longLine(lineNo: number, length: number): void {
    this.long.push([lineNo, length]);
  }
}

/** The part of a line the splitter holds between chunks (private; read here to check the memory bound). */
function carried(s: LineSplitter): number {
  return (s as unknown as { carry: string }).carry.length;
}

/** Feeds `input` in chunks of `size`, checking after every chunk that the carry stays within `max`. */
function split(input: string, size: number, max: number): Recorder {
  const sink = new Recorder();
  const s = new LineSplitter(sink, max);
  for (let i = 0; i < input.length; i += size) {
    s.push(input.slice(i, i + size));
    assert.ok(carried(s) <= max, `chunk size ${size}: carry of ${carried(s)} characters after offset ${i}`);
  }
  s.end();
  return sink;
}

describe('LineSplitter', () => {
  const MAX = 16;

  it('skips a line longer than maxLineLength that spans many chunks: one longLine call, carry bounded', () => {
    const input = 'first\n' + 'x'.repeat(1000) + '\nlast\n';
    // Chunks smaller and larger than the limit, all smaller than the long line.
    for (const size of [1, 3, 7, 16, 17, 40, 333]) {
      const sink = split(input, size, MAX);
      assert.deepEqual(sink.lines, [['first', 1], ['last', 3]], `chunk size ${size}`);
      assert.deepEqual(sink.long, [[2, 1000]], `chunk size ${size}`);
    }
  });

  it('skips an over-long last line without a terminator', () => {
    for (const size of [1, 5, 20]) {
      const sink = split('a\n' + 'y'.repeat(100), size, MAX);
      assert.deepEqual(sink.lines, [['a', 1]]);
      assert.deepEqual(sink.long, [[2, 100]]);
    }
  });

  it('keeps a line of exactly maxLineLength characters, skips one of one more', () => {
    const exact = 'e'.repeat(MAX);
    for (const size of [1, 4, 9]) {
      const sink = split(`${exact}\n${exact}x\nz\n`, size, MAX);
      assert.deepEqual(sink.lines, [[exact, 1], ['z', 3]], `chunk size ${size}`);
      assert.deepEqual(sink.long, [[2, MAX + 1]], `chunk size ${size}`);
    }
  });

  it('numbers lines the same after several skipped lines, with CRLF', () => {
    const long = 'w'.repeat(50);
    const input = `a\r\n${long}\r\nb\r\n${long}\r\n${long}\r\nc\r\n`;
    for (const size of [2, 11]) {
      const sink = split(input, size, MAX);
      assert.deepEqual(sink.lines, [['a', 1], ['b', 3], ['c', 6]], `chunk size ${size}`);
      assert.deepEqual(
        sink.long.map(([line]) => line),
        [2, 4, 5],
      );
    }
  });

  it('drops a byte order mark only at the very start of the input, even after an empty first chunk', () => {
    const sink = new Recorder();
    const s = new LineSplitter(sink, MAX);
    s.push('');
    s.push('\uFEFFa\n');
    // U+FEFF later on is text (a zero-width no-break space), also at the start of a chunk.
    s.push('\uFEFFb\n');
    s.end();
    assert.deepEqual(sink.lines, [
      ['a', 1],
      ['\uFEFFb', 2],
    ]);
  });

  it('a second end() adds no line', () => {
    const sink = new Recorder();
    const s = new LineSplitter(sink, MAX);
    s.push('a\nlast');
    s.end();
    s.end();
    assert.deepEqual(sink.lines, [
      ['a', 1],
      ['last', 2],
    ]);
  });
});

describe('invalid UTF-8 lines', () => {
  it('counts only the newlines before the position', () => {
    assert.equal(countNewlines('a\nb\nc', 3), 1);
    assert.equal(countNewlines('\nb', 1), 1, 'a newline at offset 0 counts');
    assert.equal(countNewlines('abc', 3), 0);
  });

  it('gives the 1-based line of the first U+FFFD after the lines already read, 0 without one', () => {
    assert.equal(invalidUtf8Line('\uFFFDabc', 5), 6, 'at the first character');
    assert.equal(invalidUtf8Line('\n\nx\uFFFD\n\uFFFD', 0), 3);
    assert.equal(invalidUtf8Line('fine\n', 9), 0);
  });
});
