import { CASE_REGISTRAR_ROLES, COURT_STAFF_ROLES, Role } from '@writ/contracts/web';
import { paths } from '../router';
import { useSession } from './session';

const { Judge, Officer, Clerk, Director, Leader, FundManager } = Role;

/**
 * Who may do what, as the gateway's route table allows it. The UI only hides what a role may not
 * do; the server checks every call anyway.
 */
const ALLOWED = {
  registerCase: CASE_REGISTRAR_ROLES,
  recordActivity: [Judge, Officer, Clerk, Director],
  reassign: [Director, Judge],
  suspend: [Judge, Officer, Director],
  transferToBankruptcy: [Judge, Director],
  requestExtension: [Judge, Officer, Director],
  readChecklist: COURT_STAFF_ROLES,
  close: [Judge, Officer, Director],
  resume: CASE_REGISTRAR_ROLES,
  fileObjection: CASE_REGISTRAR_ROLES,
  decideObjection: [Judge, Director],
  entrust: [Judge, Director],
  acceptEntrustment: CASE_REGISTRAR_ROLES,
  listAlerts: COURT_STAFF_ROLES,
  scanAlerts: [Director],
  readMeasures: COURT_STAFF_ROLES,
  decideMeasure: [Judge, Officer, Director],
  listApprovals: [Director, Leader, Judge],
  decideApproval: [Director, Leader],
  readMetrics: [Leader, Director, Judge],
  readAssets: COURT_STAFF_ROLES,
  orderControl: [Judge, Officer, Director],
  handToAuction: [Judge, Officer],
  listControlApprovals: COURT_STAFF_ROLES,
  decideControlApproval: [Director],
  recordLead: CASE_REGISTRAR_ROLES,
  checkLead: [Judge, Officer, Clerk, Director],
  resendInquiry: [Judge, Officer, Clerk, Director],
  readInquiryIndicator: [Leader, Director, Judge],
  readCourtSettings: COURT_STAFF_ROLES,
  editCourtSettings: [Director],
  readCaseMoney: [Judge, Officer, Clerk, Director, FundManager],
  recordReceipt: [FundManager],
  requestPayout: [FundManager],
  confirmPayout: [FundManager],
  decidePayout: [Director],
  listPayoutApprovals: [Director, FundManager],
  readFundReports: [FundManager, Director, Leader],
  reconcile: [FundManager, Director],
  importStatement: [FundManager],
  readSuspense: [FundManager, Director],
  matchSuspense: [FundManager],
  readJournal: [FundManager, Director],
  reverseTransaction: [FundManager],
  proposeDistribution: [FundManager],
  objectToDistribution: [Judge, Officer, Clerk, Director, FundManager],
  decideDistributionObjection: [Director],
  readDeposits: [FundManager, Director],
  manageDeposits: [FundManager],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ALLOWED;

export function can(roles: readonly Role[], action: Action): boolean {
  const allowed: readonly Role[] = ALLOWED[action];
  return roles.some((role) => allowed.includes(role));
}

/** `can` for the logged-in user; nothing is allowed without a session. */
export function useCan(): (action: Action) => boolean {
  const roles = useSession()?.user.roles ?? [];
  return (action) => can(roles, action);
}

/** A party (当事人) follows only its own cases: the overview and the timeline. */
export function isPartyOnly(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((role) => role === Role.Party);
}

export type MenuKey =
  | 'cases'
  | 'alerts'
  | 'approvals'
  | 'dashboard'
  | 'suspense'
  | 'journal'
  | 'deposits'
  | 'fundOverdue'
  | 'reconciliation'
  | 'settings';

/**
 * The screens each role works in; the first is where it lands after login. Every member of staff
 * reads the court's settings (so an officer knows the deadlines he works to); the director sets them.
 */
const MENU_BY_ROLE: Record<Role, readonly MenuKey[]> = {
  [Role.Judge]: ['cases', 'alerts', 'settings'],
  [Role.Officer]: ['cases', 'alerts', 'settings'],
  [Role.Clerk]: ['cases', 'alerts', 'settings'],
  [Role.FundManager]: [
    'cases',
    'alerts',
    'suspense',
    'journal',
    'deposits',
    'fundOverdue',
    'reconciliation',
    'settings',
  ],
  [Role.PetitionDesk]: ['cases', 'alerts', 'settings'],
  [Role.Director]: [
    'cases',
    'alerts',
    'approvals',
    'dashboard',
    'suspense',
    'journal',
    'deposits',
    'fundOverdue',
    'reconciliation',
    'settings',
  ],
  [Role.Leader]: ['dashboard', 'approvals', 'fundOverdue', 'settings'],
  [Role.Party]: ['cases'],
};

export function menuOf(roles: readonly Role[]): MenuKey[] {
  const keys = new Set(roles.flatMap((role) => MENU_BY_ROLE[role]));
  // a leader starts from the dashboard; everyone else from the cases
  const order: readonly MenuKey[] = roles.includes(Role.Leader)
    ? ['dashboard', 'cases', 'alerts', 'approvals', 'fundOverdue', 'reconciliation', 'settings']
    : [
        'cases',
        'alerts',
        'approvals',
        'dashboard',
        'suspense',
        'journal',
        'deposits',
        'fundOverdue',
        'reconciliation',
        'settings',
      ];
  return order.filter((key) => keys.has(key));
}

export const menuPaths: Record<MenuKey, string> = {
  cases: paths.cases,
  alerts: paths.alerts,
  approvals: paths.approvals,
  dashboard: paths.dashboard,
  suspense: paths.suspense,
  journal: paths.journal,
  deposits: paths.deposits,
  fundOverdue: paths.fundOverdue,
  reconciliation: paths.reconciliation,
  settings: paths.settings,
};

/** Where a user lands after login. */
export function homeOf(roles: readonly Role[]): string {
  const first = menuOf(roles)[0];
  return first ? menuPaths[first] : paths.cases;
}
