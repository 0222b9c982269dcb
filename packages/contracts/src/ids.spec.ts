import {
  isValidResidentIdNumber,
  residentIdNumberProblem,
  isValidUnifiedSocialCreditCode,
  unifiedSocialCreditCodeProblem,
} from './ids.js';

describe('居民身份证号码 (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('accepts the example number of the standard, with its X check character', () => {
    expect(isValidResidentIdNumber('11010519491231002X')).toBe(true);
  });
  it('accepts a number whose check digit is a digit', () => {
    expect(isValidResidentIdNumber('440524188001010014')).toBe(true);
  });
  it('refuses a single mistyped digit', () => {
    expect(residentIdNumberProblem('11010519491231003X')).toMatch(/check digit/);
  });
  it('refuses swapped neighbouring digits', () => {
    expect(isValidResidentIdNumber('11010591491231002X')).toBe(false);
  });
  it('refuses an impossible birth date even when the check digit fits', () => {
    expect(residentIdNumberProblem('110105194902300000'.slice(0, 17) + 'X')).toMatch(
      /birth date|check digit/,
    );
    expect(residentIdNumberProblem('110105194913310018')).toMatch(/birth date/);
  });
  it('refuses a lower-case x and wrong lengths', () => {
    expect(isValidResidentIdNumber('11010519491231002x')).toBe(false);
    expect(isValidResidentIdNumber('1101051949123100')).toBe(false);
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts a well-formed code', () => {
    expect(isValidUnifiedSocialCreditCode('91350100M000100Y43')).toBe(true);
  });
  it('refuses a changed check character', () => {
    expect(unifiedSocialCreditCodeProblem('91350100M000100Y44')).toMatch(/check character/);
  });
  it('refuses the letters the standard leaves out (I, O, Z, S, V)', () => {
    expect(unifiedSocialCreditCodeProblem('91350100O000100Y43')).toMatch(/capitals other than/);
  });
});
