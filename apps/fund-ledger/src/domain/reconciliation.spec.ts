import { matchStatement } from './reconciliation.js';

describe('对账: bank lines against the dedicated account', () => {
  const entry = (transactionId: string, amountFen: number, date: string, caseNumber?: string) => ({
    transactionId,
    amountFen,
    date,
    ...(caseNumber ? { caseNumber } : {}),
  });

  it('matches equal amounts within the date window, once each', () => {
    const pairs = matchStatement(
      [
        { serial: 'S1', amountFen: 1_000, date: '2026-03-03', memo: '' },
        { serial: 'S2', amountFen: 1_000, date: '2026-03-03', memo: '' },
        { serial: 'S3', amountFen: 2_000, date: '2026-03-20', memo: '' },
      ],
      [entry('t1', 1_000, '2026-03-01'), entry('t3', 2_000, '2026-03-01')],
      3,
    );
    expect(pairs).toEqual([{ serial: 'S1', transactionId: 't1', byReference: false }]);
  });

  it('prefers the entry whose case number the memo names, then the nearest date', () => {
    const entries = [
      entry('near', 5_000, '2026-03-02', '（2026）辽1104执7号'),
      entry('named', 5_000, '2026-03-04', '（2026）辽1104执9号'),
    ];
    expect(
      matchStatement(
        [{ serial: 'S', amountFen: 5_000, date: '2026-03-02', memo: '（2026）辽1104执9号 扣划' }],
        entries,
        3,
      ),
    ).toEqual([{ serial: 'S', transactionId: 'named', byReference: true }]);
    expect(
      matchStatement([{ serial: 'S', amountFen: 5_000, date: '2026-03-03', memo: '' }], entries, 3)[0]!
        .transactionId,
    ).toBe('near');
  });

  it('lets a line that names its entry take it before a line that names nothing', () => {
    const entries = [entry('a', 700, '2026-03-02', '（2026）辽1104执1号'), entry('b', 700, '2026-03-09')];
    const pairs = matchStatement(
      [
        { serial: 'blank', amountFen: 700, date: '2026-03-02', memo: '' },
        { serial: 'named', amountFen: 700, date: '2026-03-05', memo: '（2026）辽1104执1号' },
      ],
      entries,
      3,
    );
    expect(pairs).toEqual([{ serial: 'named', transactionId: 'a', byReference: true }]);
  });

  it('matches money out against credits of the account', () => {
    expect(
      matchStatement(
        [{ serial: 'O', amountFen: -900, date: '2026-03-02', memo: '' }],
        [entry('p', -900, '2026-03-02')],
        0,
      ),
    ).toEqual([{ serial: 'O', transactionId: 'p', byReference: false }]);
  });
});
