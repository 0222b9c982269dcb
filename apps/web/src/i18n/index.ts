export {
  I18nProvider,
  useT,
  useLanguage,
  idProblemText,
  type Language,
  type Translate,
} from './i18n-context';
export type { MessageKey } from './zh';
