import { AssetClass, type AgencyKindView } from '@writ/contracts/web';
import { useEffect, useState } from 'react';
import { api } from './api/client';
import { useLanguage, useT, type MessageKey, type Translate } from './i18n';
import { zh } from './i18n/zh';

/**
 * Agency kinds are configuration (查控渠道): their names come from asset-control's catalog; the
 * national codes also have i18n names, used until the catalog has loaded or for a code it lacks.
 */
export function agencyKindText(t: Translate, code: string): string {
  const key = `agency.${code}`;
  return key in zh ? t(key as MessageKey) : code;
}

let loading: Promise<AgencyKindView[]> | null = null;

/** The court's catalog, loaded once per page load (a director's change shows after a reload). */
function catalog(): Promise<AgencyKindView[]> {
  loading ??= api.listAgencyKinds().then(
    (reply) => reply.kinds,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Forget the loaded catalog, after the director changed it. */
export function forgetAgencyKinds(): void {
  loading = null;
}

export interface AgencyKindNames {
  nameOf: (code: string) => string;
  /** money in accounts (存款类): frozen by amount and deductible; null while unknown */
  isMoney: (code: string) => boolean | null;
}

export function useAgencyKinds(): AgencyKindNames {
  const t = useT();
  const [language] = useLanguage();
  const [kinds, setKinds] = useState<AgencyKindView[] | null>(null);
  useEffect(() => {
    let live = true;
    catalog().then(
      (loaded) => live && setKinds(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return {
    nameOf: (code) => {
      const kind = kinds?.find((k) => k.code === code);
      if (kind) return language === 'zh' ? kind.nameZh : kind.nameEn;
      return agencyKindText(t, code);
    },
    isMoney: (code) => {
      const kind = kinds?.find((k) => k.code === code);
      return kind ? kind.assetClass === AssetClass.Deposit : null;
    },
  };
}
