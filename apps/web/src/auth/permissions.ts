import { CASE_REGISTRAR_ROLES, COURT_STAFF_ROLES, Role } from '@writ/contracts/web';
import { paths } from '../router';
import { useSession } from './session';

const { Judge, Officer, Clerk, Director, Leader } = Role;

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

export type MenuKey = 'cases' | 'alerts' | 'approvals' | 'dashboard';

/** The screens each role works in; the first is where it lands after login. */
const MENU_BY_ROLE: Record<Role, readonly MenuKey[]> = {
  [Role.Judge]: ['cases', 'alerts'],
  [Role.Officer]: ['cases', 'alerts'],
  [Role.Clerk]: ['cases', 'alerts'],
  [Role.FundManager]: ['cases', 'alerts'],
  [Role.PetitionDesk]: ['cases', 'alerts'],
  [Role.Director]: ['cases', 'alerts', 'approvals', 'dashboard'],
  [Role.Leader]: ['dashboard', 'approvals'],
  [Role.Party]: ['cases'],
};

export function menuOf(roles: readonly Role[]): MenuKey[] {
  const keys = new Set(roles.flatMap((role) => MENU_BY_ROLE[role]));
  // a leader starts from the dashboard; everyone else from the cases
  const order: readonly MenuKey[] = roles.includes(Role.Leader)
    ? ['dashboard', 'cases', 'alerts', 'approvals']
    : ['cases', 'alerts', 'approvals', 'dashboard'];
  return order.filter((key) => keys.has(key));
}

export const menuPaths: Record<MenuKey, string> = {
  cases: paths.cases,
  alerts: paths.alerts,
  approvals: paths.approvals,
  dashboard: paths.dashboard,
};

/** Where a user lands after login. */
export function homeOf(roles: readonly Role[]): string {
  const first = menuOf(roles)[0];
  return first ? menuPaths[first] : paths.cases;
}
