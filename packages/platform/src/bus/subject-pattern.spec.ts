import { isWildcard, subjectMatches } from './subject-pattern.js';

describe('subject wildcards (as NATS routes them)', () => {
  it('matches one token for *', () => {
    expect(subjectMatches('agency.*.inquire', 'agency.bank_deposit.inquire')).toBe(true);
    expect(subjectMatches('agency.*.inquire', 'agency.bank_deposit.control')).toBe(false);
    expect(subjectMatches('agency.*.inquire', 'agency.a.b.inquire')).toBe(false);
    expect(subjectMatches('agency.*.inquire', 'agency.inquire')).toBe(false);
  });

  it('matches one or more tokens for a trailing >', () => {
    expect(subjectMatches('agency.>', 'agency.vessel.inquire')).toBe(true);
    expect(subjectMatches('agency.>', 'agency')).toBe(false);
  });

  it('matches a plain subject only exactly', () => {
    expect(subjectMatches('assets.findings.get', 'assets.findings.get')).toBe(true);
    expect(subjectMatches('assets.findings.get', 'assets.findings.gets')).toBe(false);
    expect(isWildcard('assets.findings.get')).toBe(false);
    expect(isWildcard('agency.*.control')).toBe(true);
  });
});
