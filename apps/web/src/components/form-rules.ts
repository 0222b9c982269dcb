import type { FormRule } from 'antd';
import { parseYuanToFen } from '@writ/contracts/web';
import { isIsoDate } from '../format';
import type { Translate } from '../i18n';

export function requiredRule(t: Translate): FormRule {
  return { required: true, whitespace: true, message: t('form.required') };
}

/** Free text the server takes between `min` and `max` characters (a reason, grounds, findings). */
export function textRules(t: Translate, min: number, max: number): FormRule[] {
  return [
    requiredRule(t),
    { min, message: t('form.tooShort', { min }) },
    { max, message: t('form.tooLong', { max }) },
  ];
}

export function dateRules(t: Translate): FormRule[] {
  return [
    requiredRule(t),
    {
      validator: (_, value: unknown) =>
        typeof value !== 'string' || value === '' || isIsoDate(value)
          ? Promise.resolve()
          : Promise.reject(new Error(t('form.dateFormat'))),
    },
  ];
}

/** A yuan amount typed by a person, required and above zero. */
export function yuanRules(t: Translate): FormRule[] {
  return [
    {
      validator: (_: unknown, value: unknown) => {
        const text = typeof value === 'string' ? value.trim() : '';
        if (text === '') return Promise.reject(new Error(t('form.required')));
        const fen = parseYuanToFen(text);
        if (fen === null) return Promise.reject(new Error(t('form.amountInvalid')));
        if (fen === 0) return Promise.reject(new Error(t('form.amountZero')));
        return Promise.resolve();
      },
    },
  ];
}
