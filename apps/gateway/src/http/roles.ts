import { Role } from '@writ/contracts';

export const ALL_ROLES: readonly Role[] = Object.values(Role);
