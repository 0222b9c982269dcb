import { useSession } from '../auth/session';
import { useT } from '../i18n';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SERVICE = /^service:(.+)$/;

/**
 * Who did something, as the court reads it. The services record a user by username, by user id, or
 * a stage of Writ as `service:<name>`; the UI knows only the viewer's own id, so another user's id is
 * shortened rather than shown whole.
 */
export function useActorLabel(): (actor: string | undefined) => string {
  const t = useT();
  const user = useSession()?.user;
  return (actor) => {
    if (!actor) return '—';
    if (actor === 'system') return t('actor.system');
    const service = SERVICE.exec(actor);
    if (service) return t('actor.service', { service: service[1] ?? actor });
    if (!UUID.test(actor)) return actor;
    if (user && actor === user.id) return user.displayName;
    return t('actor.user', { id: actor.slice(0, 8) });
  };
}
