export {
  I18nProvider,
  useT,
  useLanguage,
  idProblemText,
  fieldRuleText,
  type Language,
  type Translate,
} from './i18n-context';
export type { MessageKey } from './zh';
