import { CodedError, ErrorCode, InquiryStatus } from '@writ/contracts';
import type { InquiryProgress } from './asset-inquiry.js';

/**
 * An inquiry that finally failed goes out again at the officer's word, with a fresh set of attempts:
 * a failure is surfaced for re-sending, never silently dropped (issue 4; 财产调查规定 Art 1, 13).
 * Only a FAILED inquiry can be re-sent: an answered one has its answer, a pending one is on its way.
 */
export function inquiryResent(progress: InquiryProgress, now: Date): InquiryProgress {
  if (progress.status !== InquiryStatus.Failed) {
    throw new CodedError(
      ErrorCode.InvalidState,
      `only a failed inquiry can be sent again; this one is ${progress.status}`,
      { rule: 'RESEND_ONLY_FAILED' },
    );
  }
  return {
    ...progress,
    status: InquiryStatus.Pending,
    attempts: 0,
    nextAttemptAt: now,
    failedAt: null,
  };
}
