/**
 * How one perf script frame line becomes a folded frame name, at the edges of its rules: the Java
 * `L` prefix, annotations already present, argument lists next to Go methods, C++ operators and
 * templates holding parentheses, and the Rust escapes at the bounds of Unicode.
 */
import { strict as assert } from 'node:assert';
import { collapsedFrameName, stripArguments, tidyRustSymbol } from '../../src/parsers/perf-script';

describe('perf script frame names: annotations and the Java prefix', () => {
  it('drops only a leading L of a Java class in java processes, never an L inside the name', () => {
    assert.equal(collapsedFrameName('\t7f00 Ljava/lang/Long;::valueOf (/tmp/perf-1.map)', {}, true), 'java/lang/Long:::valueOf');
    assert.equal(collapsedFrameName('\t7f00 java/lang/Long.valueOf (/tmp/perf-1.map)', {}, true), 'java/lang/Long.valueOf');
    // Other processes keep the name as printed.
    assert.equal(collapsedFrameName('\t7f00 Ljava/lang/Long;::valueOf (/tmp/perf-1.map)', {}, false), 'Ljava/lang/Long:::valueOf');
  });

  it('adds _[i] to inlined frames once: not again to a name that carries it already (perf-map-agent unfold)', () => {
    assert.equal(collapsedFrameName('\t7f00 Lfoo/Bar;.outer->Lfoo/Baz;.inner_[i] (/tmp/perf-1.map)', {}, true), 'foo/Bar:.outer;foo/Baz:.inner_[i]');
    assert.equal(collapsedFrameName('\t7f00 Lfoo/Bar;.outer->Lfoo/Baz;.inner (/tmp/perf-1.map)', {}, true), 'foo/Bar:.outer;foo/Baz:.inner_[i]');
    assert.equal(collapsedFrameName('\t1205 leaf_[i] (inlined)', { inline: true }, false), 'leaf_[i]');
  });

  it('adds _[j] to JIT frames once (--jit): perf-PID.map and jitdump DSOs', () => {
    assert.equal(collapsedFrameName('\t7f00 foo_[j] (/tmp/perf-12.map)', { jit: true }, false), 'foo_[j]');
    assert.equal(collapsedFrameName('\t7f00 foo (/tmp/perf-12.map)', { jit: true }, false), 'foo_[j]');
    assert.equal(collapsedFrameName('\t7f00 foo (/home/u/.debug/jit/jitted-12-3.so)', { jit: true }, false), 'foo_[j]');
    assert.equal(collapsedFrameName('\t7f00 foo (/tmp/perf-12.map)', {}, false), 'foo');
  });
});

describe('perf script frame names: argument lists (stackcollapse-perf.pl cuts at the first "(" unless Go)', () => {
  it('keeps a Go method whole only when ".(" comes before ")."', () => {
    assert.equal(stripArguments('net/http.(*Client).Do'), 'net/http.(*Client).Do');
    assert.equal(stripArguments('.(*T).M'), '.(*T).M');
    assert.equal(stripArguments('a.().b'), 'a.().b');
    // ")." without a ".(" before it is no Go method: the argument list goes.
    assert.equal(stripArguments('f(a).b'), 'f');
  });

  it('does not take a word that merely starts with 8 letters for "operator"', () => {
    // `optional` has as many letters as `operator`: its '<' opens a template that holds parentheses.
    assert.equal(stripArguments('std::optional<void (*)(int)>::reset()'), 'std::optional<void (*)(int)>::reset');
  });

  it('reads an angle operator written after a space (operator <)', () => {
    assert.equal(stripArguments('Foo::operator <(Foo const&)'), 'Foo::operator <');
    assert.equal(stripArguments('Foo::operator  >>(int)'), 'Foo::operator  >>');
  });

  it('an operator is a whole word: after an identifier character it is part of a longer name', () => {
    // After [A-Za-z0-9_] `operator` is the end of another identifier: its '<' opens a template.
    for (const c of ['0', '9', 'A', 'Z', 'a', 'z', '_']) {
      assert.equal(stripArguments(`x${c}operator<void (*)(int)>::get(int)`), `x${c}operator<void (*)(int)>::get`, c);
    }
    // After anything else it is the operator: its '<' opens nothing, the argument list is cut.
    for (const c of ['/', ':', '@', '[', '`', '{', ' ']) {
      assert.equal(stripArguments(`x${c}operator<(int)`), `x${c}operator<`, c);
    }
  });

  it('a ">" with no template open does not hide the argument list after it', () => {
    assert.equal(stripArguments('Foo>Bar(int)'), 'Foo>Bar');
    assert.equal(stripArguments('a<b>>c(int)'), 'a<b>>c');
  });
});

describe('perf script frame names: Rust escapes at the bounds of Unicode', () => {
  const HASH = '::h0123456789abcdef';
  it('decodes $uXX$ escapes of real characters, up to U+10FFFF', () => {
    assert.equal(tidyRustSymbol(`a$ud7ff$${HASH}`), 'a\ud7ff');
    assert.equal(tidyRustSymbol(`a$ue000$${HASH}`), 'a\ue000');
    assert.equal(tidyRustSymbol(`a$u10ffff$${HASH}`), 'a\u{10ffff}');
    assert.equal(tidyRustSymbol(`a$u7b$$u7b$closure$u7d$$u7d$${HASH}`), 'a{{closure}}');
  });

  it('leaves escapes of surrogate halves and of numbers past U+10FFFF as they are', () => {
    for (const code of ['d800', 'dbff', 'dc00', 'dfff', '110000']) assert.equal(tidyRustSymbol(`a$u${code}$${HASH}`), `a$u${code}$`, code);
  });
});
