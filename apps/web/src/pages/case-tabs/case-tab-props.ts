import { CaseStatus, PartyRole, type PartyView } from '@writ/contracts/web';
import type { CaseWithInquiry } from '../../api/client';

/** What every tab of a case's page is given. */
export interface CaseTabProps {
  caseId: string;
  detail: CaseWithInquiry;
  /** changes after every action on the case: a tab reloads its data when it does */
  version: number;
  /** tells the page something changed, so the header and the tab load afresh */
  onChanged: () => void;
}

export const caseStatusColour: Record<CaseStatus, string> = {
  [CaseStatus.Registered]: 'processing',
  [CaseStatus.Suspended]: 'warning',
  [CaseStatus.Closed]: 'default',
};

export function respondentsOf(parties: readonly PartyView[]): PartyView[] {
  return parties.filter((party) => party.role === PartyRole.Respondent);
}
