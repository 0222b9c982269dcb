import { Role } from '@writ/contracts';
import { hashPassword } from './password.js';
import type { UserRepository } from './user.repository.js';

/** The seed court of DOMAIN.md and a neighbour, so court scoping can be seen at work. */
export const DEMO_COURTS = [
  { code: '辽1104', name: '大洼区人民法院' },
  { code: '辽1103', name: '兴隆台区人民法院' },
];

export const DEMO_PASSWORD = 'writ-demo-2026';

/** Local mode only: one account per role at 辽1104, and an officer at the neighbouring court. */
export const DEMO_USERS = [
  { username: 'officer1', displayName: '王执行（执行员）', roles: [Role.Officer], courtCode: '辽1104' },
  { username: 'judge1', displayName: '李法官（执行法官）', roles: [Role.Judge], courtCode: '辽1104' },
  { username: 'clerk1', displayName: '赵书记员', roles: [Role.Clerk], courtCode: '辽1104' },
  { username: 'director1', displayName: '刘局长（执行局长）', roles: [Role.Director], courtCode: '辽1104' },
  { username: 'fund1', displayName: '陈会计（案款管理员）', roles: [Role.FundManager], courtCode: '辽1104' },
  { username: 'petition1', displayName: '孙接待（信访）', roles: [Role.PetitionDesk], courtCode: '辽1104' },
  { username: 'leader1', displayName: '周院长（院领导）', roles: [Role.Leader], courtCode: '辽1104' },
  {
    username: 'party1',
    displayName: '张三（被执行人）',
    roles: [Role.Party],
    courtCode: '辽1104',
    partyIdNumber: '11010519491231002X',
  },
  { username: 'officer2', displayName: '吴执行（兴隆台）', roles: [Role.Officer], courtCode: '辽1103' },
];

export async function seedDemoData(users: UserRepository, now: Date): Promise<number> {
  for (const court of DEMO_COURTS) await users.ensureCourt(court.code, court.name);
  let added = 0;
  for (const user of DEMO_USERS) {
    if (await users.findByUsername(user.username)) continue;
    if (await users.addIfMissing({ ...user, passwordHash: await hashPassword(DEMO_PASSWORD) }, now)) added++;
  }
  return added;
}
