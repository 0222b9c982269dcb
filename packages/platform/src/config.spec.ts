import { keyedNumbers, KEYED_NUMBERS_PATTERN } from './config.js';

describe('settings that vary by court or province (key=number pairs)', () => {
  it('reads each key with its number, spaces allowed around them', () => {
    expect([...keyedNumbers(' 辽1104=20000000, 辽1103 = 100000000 ')]).toEqual([
      ['辽1104', 20_000_000],
      ['辽1103', 100_000_000],
    ]);
    expect(keyedNumbers(undefined).size).toBe(0);
  });

  it('accepts only well-formed pairs', () => {
    expect(KEYED_NUMBERS_PATTERN.test('辽=15,京=20')).toBe(true);
    expect(KEYED_NUMBERS_PATTERN.test('辽=15,')).toBe(false);
    expect(KEYED_NUMBERS_PATTERN.test('辽=fifteen')).toBe(false);
    expect(KEYED_NUMBERS_PATTERN.test('=15')).toBe(false);
  });
});
