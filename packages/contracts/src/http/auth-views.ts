import type { Role } from '../enums.js';

/** The logged-in user, as `POST /api/auth/login` and `GET /api/auth/me` return it. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  courtCode: string;
  courtName: string;
}

/** `POST /api/auth/login` → a bearer token for the user. */
export interface LoginReply {
  token: string;
  expiresAt: string;
  user: UserView;
}

/** `GET /api/court/staff` — one member of the caller's court's staff, to name them on records. */
export interface StaffMemberView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
}
