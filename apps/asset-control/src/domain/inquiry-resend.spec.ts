import { CodedError, ErrorCode, InquiryStatus } from '@writ/contracts';
import { newInquiryProgress } from './asset-inquiry.js';
import { inquiryResent } from './inquiry-resend.js';

describe('re-sending a failed inquiry', () => {
  const now = new Date('2026-03-02T02:00:00Z');
  const failed = {
    ...newInquiryProgress(now),
    status: InquiryStatus.Failed,
    attempts: 5,
    nextAttemptAt: null,
    lastError: 'AGENCY_FAILED: busy',
    failedAt: now,
  };

  it('goes out again at once with a fresh set of attempts, keeping the last error until the next outcome', () => {
    const later = new Date('2026-03-03T01:00:00Z');
    expect(inquiryResent(failed, later)).toEqual({
      status: InquiryStatus.Pending,
      attempts: 0,
      nextAttemptAt: later,
      lastError: 'AGENCY_FAILED: busy',
      answeredAt: null,
      failedAt: null,
    });
  });

  it('refuses an answered or pending inquiry', () => {
    for (const status of [InquiryStatus.Answered, InquiryStatus.Pending]) {
      try {
        inquiryResent({ ...failed, status }, now);
        throw new Error('not refused');
      } catch (error) {
        expect(error).toBeInstanceOf(CodedError);
        expect(error).toMatchObject({
          code: ErrorCode.InvalidState,
          details: { rule: 'RESEND_ONLY_FAILED' },
        });
      }
    }
  });
});
