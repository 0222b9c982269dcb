import type { StaffMemberView } from '@writ/contracts/web';
import { Role } from '@writ/contracts/web';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useSession } from '../auth/session';
import { useT } from '../i18n';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SERVICE = /^service:(.+)$/;

/** The court's staff, fetched once per login and shared by every label on the page. */
let directory: { token: string; staff: Promise<StaffMemberView[]> } | null = null;

function staffFor(token: string): Promise<StaffMemberView[]> {
  if (directory?.token !== token) {
    // a failed look-up leaves the labels as ids rather than breaking the page
    directory = { token, staff: api.listCourtStaff().catch(() => []) };
  }
  return directory.staff;
}

/**
 * Who did something, as the court reads it. The services record a user by id or username, or a stage
 * of Writ as `service:<name>`; staff are named from the court's directory, and an unknown id is
 * shortened rather than shown whole.
 */
export function useActorLabel(): (actor: string | undefined) => string {
  const t = useT();
  const session = useSession();
  const [staff, setStaff] = useState<StaffMemberView[]>([]);
  const isParty = session?.user.roles.includes(Role.Party) ?? true;
  useEffect(() => {
    if (!session || isParty) return;
    let live = true;
    void staffFor(session.token).then((found) => {
      if (live) setStaff(found);
    });
    return () => {
      live = false;
    };
  }, [session?.token, isParty]);
  return (actor) => {
    if (!actor) return '—';
    if (actor === 'system') return t('actor.system');
    const service = SERVICE.exec(actor);
    if (service) return t('actor.service', { service: service[1] ?? actor });
    const member = staff.find((m) => m.id === actor || m.username === actor);
    if (member) return member.displayName;
    if (session && actor === session.user.id) return session.user.displayName;
    if (!UUID.test(actor)) return actor;
    return t('actor.user', { id: actor.slice(0, 8) });
  };
}
