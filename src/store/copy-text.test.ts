import { describe, expect, it } from 'vitest';
import { copyValue, jsonText, storableText } from './copy-text.js';

describe('COPY text encoding', () => {
  it('escapes the characters COPY treats specially and writes \\N for null', () => {
    expect(copyValue(null)).toBe('\\N');
    expect(copyValue('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyValue(['x', 'y"z', null])).toBe('{"x","y\\\\"z",NULL}');
    expect(copyValue(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00.000Z');
    expect(copyValue(true)).toBe('t');
  });

  it('drops NUL from text and the \\u0000 escape from JSON, leaving escaped backslashes alone', () => {
    expect(copyValue('a\u0000b')).toBe('ab');
    expect(jsonText({ s: 'a\u0000b' })).toBe('{"s":"ab"}');
    // A literal backslash followed by "u0000" is text, not a NUL escape.
    const literal = { s: '\\u0000' };
    expect(JSON.parse(jsonText(literal))).toEqual(literal);
    expect(JSON.parse(jsonText({ s: '\\\u0000' }))).toEqual({ s: '\\' });
  });

  it('replaces lone surrogates in JSON with U+FFFD, keeps pairs, and makes keys storable', () => {
    const text = jsonText({ ['k\uD800']: 'a\uDC00b', pair: '\uD83D\uDE00' });
    expect(text).toBe('{"k\\ufffd":"a\\ufffdb","pair":"\uD83D\uDE00"}');
    expect(JSON.parse(text)).toEqual({ 'k\uFFFD': 'a\uFFFDb', pair: '\uD83D\uDE00' });
    expect(jsonText({ s: '\\ud800' })).toBe('{"s":"\\\\ud800"}');
    expect(storableText('a\u0000b\uD800c\uD83D\uDE00')).toBe('ab\uFFFDc\uD83D\uDE00');
    expect(storableText('plain')).toBe('plain');
  });
});

