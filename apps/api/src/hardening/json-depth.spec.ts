import { jsonNestingDepth, MAX_JSON_DEPTH } from './http-hardening';

describe('jsonNestingDepth (body-parser verify)', () => {
  const depth = (text: string, limit?: number) => jsonNestingDepth(Buffer.from(text, 'utf8'), limit);

  it('counts nested objects and arrays', () => {
    expect(depth('1')).toBe(0);
    expect(depth('{}')).toBe(1);
    expect(depth('{"a":[{"b":[1,2]},{}]}')).toBe(4);
    expect(depth('[[[]],[[[]]]]')).toBe(4);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(depth('{"a":"{[{[{["}')).toBe(1);
    expect(depth('{"a":"say \\"{[\\" twice","b":{}}')).toBe(2);
    expect(depth('{"đơn":"Khiếu nại [về] {đất đai}"}')).toBe(1);
  });

  it('stops reading once past the limit', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(depth(deep, MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH + 1);
    expect(depth(deep)).toBe(100_000);
  });
});
