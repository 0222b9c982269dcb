import type { ReactNode } from 'react';

/** A Select's option rendered with a test id (`<prefix>-<value>`), so a browser test can pick it by value. */
export function optionWithTestId(prefix: string) {
  function OptionWithTestId(option: { value?: string | number | null; label?: ReactNode }) {
    return <span data-testid={`${prefix}-${String(option.value)}`}>{option.label}</span>;
  }
  return OptionWithTestId;
}
